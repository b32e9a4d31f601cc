package io.skiff.api.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kubernetes.client.proto.Runtime;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The frame around every Kubernetes protobuf object: magic {@code k8s\0}, then a {@code runtime.Unknown}
 * carrying the type meta and the object's bytes.
 *
 * @param raw  the object's own message bytes, or JSON when {@code json} is set
 * @param json the sender declared {@code raw} as JSON via the envelope's contentType
 */
record Envelope(String apiVersion, String kind, ByteString raw, boolean json) {
    static final byte[] MAGIC = {'k', '8', 's', 0};

    static boolean hasMagic(byte[] bytes) {
        if (bytes == null || bytes.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static Envelope read(byte[] body) {
        if (!hasMagic(body)) {
            throw ProtoErrors.badBody("it does not start with the Kubernetes protobuf prefix \"k8s\\x00\"");
        }
        Runtime.Unknown unknown;
        try {
            unknown = Runtime.Unknown.parser().parseFrom(body, MAGIC.length, body.length - MAGIC.length);
        } catch (InvalidProtocolBufferException e) {
            throw ProtoErrors.badBody("the runtime.Unknown envelope cannot be parsed: " + e.getMessage());
        }
        return of(unknown);
    }

    /** Validates an already parsed envelope (the top-level one, or one nested inside another object). */
    static Envelope of(Runtime.Unknown unknown) {
        if (!unknown.getContentEncoding().isEmpty()) {
            // Kubernetes never compresses inside the envelope; refusing beats misreading.
            throw ProtoErrors.unsupportedMedia(
                    "unsupported content encoding \"" + unknown.getContentEncoding() + "\" in protobuf envelope");
        }
        String kind = unknown.getTypeMeta().getKind();
        String apiVersion = unknown.getTypeMeta().getApiVersion();
        if (kind.isEmpty()) {
            throw ProtoErrors.badBody("Object 'Kind' is missing from the envelope's type meta");
        }
        if (apiVersion.isEmpty()) {
            throw ProtoErrors.badBody("Object 'apiVersion' is missing from the envelope's type meta");
        }
        return new Envelope(apiVersion, kind, unknown.getRaw(), isJson(unknown.getContentType()));
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.isEmpty() || mediaType.equals(ProtobufCodec.MEDIA_TYPE)) {
            return false;
        }
        if (mediaType.equals("application/json")) {
            return true;
        }
        throw ProtoErrors.unsupportedMedia(
                "unsupported content type \"" + contentType + "\" inside protobuf envelope");
    }

    static byte[] write(String apiVersion, String kind, ByteString raw) {
        // Go writes the empty contentEncoding/contentType too; mirroring it keeps bytes familiar to its decoders.
        Runtime.Unknown unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(raw)
                .setContentEncoding("")
                .setContentType("")
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + unknown.getSerializedSize());
        out.writeBytes(MAGIC);
        out.writeBytes(unknown.toByteArray());
        return out.toByteArray();
    }
}
