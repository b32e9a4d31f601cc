package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.errors.ApiException;

import java.util.Map;
import java.util.Objects;

/**
 * RFC 7386 JSON Merge Patch ({@code application/merge-patch+json}): objects merge key by key,
 * {@code null} removes a key, anything else (lists included) replaces. The body must be a JSON
 * object, as the API server requires; otherwise 400 BadRequest.
 */
public final class MergePatch {
    private static final String DECODE = "error decoding patch: ";

    private MergePatch() {
    }

    public static JsonNode apply(JsonNode target, byte[] patchBody) {
        return apply(target, PatchBody.json(patchBody, DECODE));
    }

    /** A patched copy of {@code target}; neither argument is modified. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        Objects.requireNonNull(target, "target");
        if (patch.isNull()) {
            // evanphx/json-patch's ErrBadJSONPatch, which Kubernetes returns as is.
            throw ApiException.badRequest("Invalid JSON Patch");
        }
        if (!patch.isObject()) {
            throw PatchBody.wrongKind(DECODE, patch, "map[string]interface {}");
        }
        return mergeInto(target.deepCopy(), patch);
    }

    /** RFC 7386 MergePatch(Target, Patch), mutating {@code target}, which the caller owns. */
    private static JsonNode mergeInto(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : Json.object();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergeInto(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }
}
