package io.skiff.apiserver.http;

import java.util.Locale;

/** The media types the API speaks, and how to read an Accept or Content-Type header. */
public final class MediaTypes {
    public static final String JSON = "application/json";
    public static final String YAML = "application/yaml";
    public static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
    public static final String JSON_PATCH = "application/json-patch+json";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    public static final String APPLY_PATCH = "application/apply-patch+yaml";
    public static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";
    public static final String DISCOVERY_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    public static final String DISCOVERY_V2BETA1 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

    private MediaTypes() {
    }

    /** The bare type of a Content-Type header, lower case, without parameters. */
    public static String base(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return JSON;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** What reply format an Accept header asks for, first acceptable choice wins. */
    public static Reply negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Reply.JSON;
        }
        for (String part : accept.split(",")) {
            String p = part.replace(" ", "").toLowerCase(Locale.ROOT);
            String base = base(p);
            if (p.contains("as=table") && p.contains("g=meta.k8s.io")) {
                return p.contains("v=v1beta1") ? Reply.TABLE_V1BETA1 : Reply.TABLE;
            }
            if (p.contains("as=partialobjectmetadata")) {
                return p.contains("v=v1beta1") ? Reply.PARTIAL_METADATA_V1BETA1 : Reply.PARTIAL_METADATA;
            }
            if (p.contains("as=")) {
                continue; // another conversion we do not offer, try the next choice
            }
            switch (base) {
                case JSON, "*/*", "application/*":
                    return Reply.JSON;
                case YAML:
                    return Reply.YAML;
                case PROTOBUF:
                    return Reply.PROTOBUF;
                default:
                    break;
            }
        }
        return Reply.NONE;
    }

    /** Reply encodings and conversions. */
    public enum Reply {
        JSON, YAML, PROTOBUF, TABLE, TABLE_V1BETA1, PARTIAL_METADATA, PARTIAL_METADATA_V1BETA1, NONE;

        public boolean isTable() {
            return this == TABLE || this == TABLE_V1BETA1;
        }

        public boolean isPartialMetadata() {
            return this == PARTIAL_METADATA || this == PARTIAL_METADATA_V1BETA1;
        }
    }
}
