package io.skiff.apiserver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.skiff.api.Json;
import io.skiff.api.errors.ApiException;
import io.skiff.api.proto.ProtobufCodec;

import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies: bounded in size, decoded from JSON, YAML or Kubernetes protobuf. */
public final class RequestBodies {
    private static final ProtobufCodec PROTOBUF = new ProtobufCodec();
    /** Kubernetes' limit on a request body. */
    public static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

    private RequestBodies() {
    }

    /** The body, or 413 once it passes {@link #MAX_BODY_BYTES} (the rest is not read). */
    public static byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("unable to read the request body: " + e.getMessage());
        }
    }

    private static ApiException tooLarge() {
        return ApiException.tooLarge("the request body is too large: limit is " + MAX_BODY_BYTES + " bytes");
    }

    /** Decodes an object body by its Content-Type; it must be a JSON object. */
    public static ObjectNode decodeObject(byte[] body, String contentType) {
        String type = MediaTypes.base(contentType);
        if (type.equals(MediaTypes.PROTOBUF)) {
            return PROTOBUF.decode(body);
        }
        JsonNode node = parse(body, type);
        if (!(node instanceof ObjectNode obj)) {
            throw ApiException.badRequest("the body of the request must be an object"
                    + (node == null || node.isMissingNode() ? ": it is empty" : ", not " + node.getNodeType().name().toLowerCase()));
        }
        return obj;
    }

    /** Parses a JSON or YAML body into a tree; 415 for other content types. */
    public static JsonNode parse(byte[] body, String baseType) {
        try {
            switch (baseType) {
                case MediaTypes.JSON, MediaTypes.JSON_PATCH, MediaTypes.MERGE_PATCH, MediaTypes.STRATEGIC_MERGE_PATCH:
                    return body.length == 0 ? null : Json.MAPPER.readTree(body);
                case MediaTypes.YAML, MediaTypes.APPLY_PATCH, "application/x-yaml", "text/yaml":
                    return body.length == 0 ? null : Json.YAML.readTree(body);
                default:
                    throw ApiException.unsupportedMediaType(baseType);
            }
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("the request body is nested too deeply: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not valid " + (baseType.contains("yaml") ? "YAML" : "JSON")
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("unable to read the request body: " + e.getMessage());
        }
    }
}
