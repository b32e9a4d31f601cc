package io.skiff.apiserver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.skiff.api.Json;
import io.skiff.api.errors.ApiException;
import io.skiff.api.proto.ProtobufCodec;

/** Writes replies in the format the client accepts. */
public final class Responses {
    private static final ProtobufCodec PROTOBUF = new ProtobufCodec();
    private Responses() {
    }

    /** Writes {@code body} (an object, list, Status or Table) as JSON, YAML or protobuf. */
    public static void write(Context ctx, int status, JsonNode body, MediaTypes.Reply reply) {
        ctx.status(status);
        try {
            switch (reply) {
                case YAML -> {
                    ctx.contentType(MediaTypes.YAML);
                    ctx.result(Json.YAML.writeValueAsBytes(body));
                }
                case PROTOBUF -> {
                    byte[] encoded = tryProtobuf(body);
                    if (encoded != null) {
                        ctx.contentType(MediaTypes.PROTOBUF);
                        ctx.result(encoded);
                    } else {
                        json(ctx, body);
                    }
                }
                case TABLE -> {
                    ctx.contentType(MediaTypes.TABLE);
                    ctx.result(Json.MAPPER.writeValueAsBytes(body));
                }
                default -> json(ctx, body);
            }
        } catch (JsonProcessingException e) {
            throw ApiException.internal("cannot encode the reply: " + e.getOriginalMessage());
        }
    }

    private static void json(Context ctx, JsonNode body) throws JsonProcessingException {
        ctx.contentType(MediaTypes.JSON);
        ctx.result(Json.MAPPER.writeValueAsBytes(body));
    }

    /** Protobuf where our codec knows the kind; clients that ask for it also accept JSON. */
    private static byte[] tryProtobuf(JsonNode body) {
        try {
            return PROTOBUF.encode(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static void status(Context ctx, ApiException e) {
        if (e.retryAfterSeconds() != null) {
            ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
        }
        write(ctx, e.code(), e.toStatus(), MediaTypes.Reply.JSON);
    }

    /** A Kubernetes {@code Warning} header (code 299), as kubectl prints them. */
    public static void warn(Context ctx, String message) {
        ctx.res().addHeader("Warning", "299 - \"" + message.replace("\"", "\\\"") + "\"");
    }
}
