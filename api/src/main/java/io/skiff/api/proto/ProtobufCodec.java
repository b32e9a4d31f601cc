package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * Reads and writes Kubernetes protobuf bodies ({@value #MEDIA_TYPE}) as Skiff's JSON trees.
 * Thread-safe; see the package documentation for the exact JSON produced and the errors raised.
 */
public final class ProtobufCodec {
    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    private final KindRegistry kinds;
    private final ProtoToJson toJson;
    private final JsonToProto toProto;

    public ProtobufCodec() {
        this.kinds = KindRegistry.standard();
        this.toJson = new ProtoToJson(kinds);
        this.toProto = new JsonToProto(kinds);
    }

    /** True for {@value #MEDIA_TYPE}, whatever the parameters or letter case. */
    public static boolean isProtobuf(String contentType) {
        if (contentType == null) {
            return false;
        }
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
    }

    /** True when this apiVersion + kind has a protobuf form, so a reply may use it. */
    public boolean supports(String apiVersion, String kind) {
        return kinds.find(apiVersion, kind) != null;
    }

    /**
     * The object in a protobuf request body, as Kubernetes JSON with apiVersion and kind.
     *
     * @throws io.skiff.api.errors.ApiException 400 for a malformed body or a kind unknown in a known
     *         group version, 415 for a group version without protobuf schema
     */
    public ObjectNode decode(byte[] body) {
        return toJson.object(Envelope.read(body), 0);
    }

    /**
     * The protobuf body for a JSON object carrying apiVersion and kind.
     *
     * @throws io.skiff.api.errors.ApiException 406 when the kind has no protobuf form (answer JSON instead),
     *         500 when a value does not fit its protobuf field
     */
    public byte[] encode(JsonNode object) {
        return toProto.object(object, "");
    }
}
