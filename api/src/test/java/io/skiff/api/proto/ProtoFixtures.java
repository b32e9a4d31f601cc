package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.Runtime;
import io.skiff.api.Json;
import io.skiff.api.errors.ApiException;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helpers: fixtures copied from the kubectl wire log, JSON literals, envelopes built independently of the codec. */
final class ProtoFixtures {
    private ProtoFixtures() {
    }

    static ObjectNode json(String text) {
        return (ObjectNode) Json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A request recorded from kubectl 1.32 (see the "source" field of each file). */
    static ObjectNode recorded(String name) {
        try (InputStream in = ProtoFixtures.class.getResourceAsStream("/proto/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) Json.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] recordedBody(String name) {
        String body = recorded(name).path("body").textValue();
        return Base64.getDecoder().decode(body.substring("base64:".length()));
    }

    /** Frames raw bytes the way a Go client does, with the generated classes rather than the codec under test. */
    static byte[] envelope(String apiVersion, String kind, ByteString raw) {
        return envelope(Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(raw).setContentEncoding("").setContentType("").build());
    }

    static byte[] envelope(Runtime.Unknown unknown) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{'k', '8', 's', 0});
        out.writeBytes(unknown.toByteArray());
        return out.toByteArray();
    }

    static ApiException assertApiError(int code, String messagePart, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), () -> "message was: " + e.getMessage());
        return e;
    }

    static JsonNode roundTrip(ProtobufCodec codec, JsonNode object) {
        return codec.decode(codec.encode(object));
    }
}
