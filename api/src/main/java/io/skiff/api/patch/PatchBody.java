package io.skiff.api.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.skiff.api.Json;
import io.skiff.api.errors.ApiException;

import java.io.IOException;

/** Decodes a PATCH body; a body that does not decode is a 400 BadRequest, as in Kubernetes. */
final class PatchBody {
    /** Trailing garbage after the JSON value is an error, as it is for Go's decoder. */
    private static final ObjectReader JSON = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PatchBody() {
    }

    /** The JSON value of {@code body}; {@code prefix} starts the error message (Kubernetes' varies by patch type). */
    static JsonNode json(byte[] body, String prefix) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest(prefix + "unexpected end of JSON input");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest(prefix + "unexpected end of JSON input");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw decodeError(prefix, e);
        } catch (IOException e) {
            throw ApiException.badRequest(prefix + e.getMessage());
        }
    }

    /** The first YAML document of {@code body} as a tree; JSON is YAML too. */
    static JsonNode yaml(byte[] body, String prefix) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : Json.YAML.readTree(body);
            return node == null || node.isMissingNode() ? Json.MAPPER.nullNode() : node;
        } catch (JsonProcessingException e) {
            throw decodeError(prefix, e);
        } catch (IOException e) {
            throw ApiException.badRequest(prefix + e.getMessage());
        }
    }

    /** {@code json: cannot unmarshal array into Go value of type map[string]interface {}}. */
    static ApiException wrongKind(String prefix, JsonNode value, String goType) {
        return ApiException.badRequest(prefix + "json: cannot unmarshal " + JsonValues.goKind(value)
                + " into Go value of type " + goType);
    }

    /** {@code json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string}. */
    static ApiException wrongKind(String prefix, JsonNode value, String goType, String structField) {
        return ApiException.badRequest(prefix + "json: cannot unmarshal " + JsonValues.goKind(value)
                + " into Go struct field " + structField + " of type " + goType);
    }

    private static ApiException decodeError(String prefix, JsonProcessingException e) {
        ApiException error = ApiException.badRequest(prefix + e.getOriginalMessage());
        error.initCause(e);
        return error;
    }
}
