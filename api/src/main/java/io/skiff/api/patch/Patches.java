package io.skiff.api.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.errors.ApiException;
import io.skiff.api.errors.FieldError;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one entry point for {@code PATCH}: picks the patch type from the Content-Type, applies
 * the body to a copy of the current object, and checks that the result still decodes as the
 * target's kind. Every failure is an {@link ApiException} with Kubernetes' code and reason;
 * the current object is never modified.
 * <p>
 * Left to the caller, as in the Kubernetes handler: answering 404 when a non-apply patch
 * finds no object, the name/namespace/uid checks on the result, {@code resourceVersion}
 * preconditions, defaulting, validation and admission.
 */
public final class Patches {
    private Patches() {
    }

    public static JsonNode apply(String contentType, JsonNode current, byte[] patchBody, ResourceType type) {
        return apply(contentType, current, patchBody, PatchTarget.of(type));
    }

    /**
     * @param current the stored object; may be null only for server-side apply (then the
     *                result is the object to create)
     */
    public static JsonNode apply(String contentType, JsonNode current, byte[] patchBody, PatchTarget target) {
        PatchType type = PatchType.ofContentType(contentType);
        if (type != PatchType.APPLY) {
            Objects.requireNonNull(current, "only server-side apply may create; answer 404 first");
        }
        switch (type) {
            case JSON: {
                JsonNode result = JsonPatch.apply(current, patchBody);
                return decodable(result, target, () -> Json.string(result));
            }
            case MERGE: {
                JsonNode result = MergePatch.apply(current, patchBody);
                return decodable(result, target, () -> Json.string(result));
            }
            case STRATEGIC_MERGE: {
                JsonNode patch = PatchBody.json(patchBody, "");
                JsonNode result = StrategicMergePatch.apply(current, patch, target.schema());
                return decodable(result, target, () -> GoFormat.value(patch));
            }
            default: {
                JsonNode result = ApplyPatch.apply(current, patchBody, target);
                return decodable(result, target, () -> Json.string(result));
            }
        }
    }

    /**
     * The API server decodes the patched JSON into the kind's Go type and answers a failure
     * with 422 {@code "" is invalid: patch: Invalid value: <shown>: <why>}; the model class
     * plays the Go type's part here (e.g. {@code "replicas": "three"} does not decode).
     */
    private static JsonNode decodable(JsonNode result, PatchTarget target, Supplier<String> shown) {
        String why;
        if (!result.isObject()) {
            why = "json: cannot unmarshal " + JsonValues.goKind(result) + " into Go value of type " + target.kind();
        } else {
            try {
                Json.MAPPER.treeToValue(result, target.model());
                return result;
            } catch (JsonProcessingException e) {
                why = e.getOriginalMessage();
            } catch (RuntimeException e) {
                // A model's own deserializer may throw anything; the object does not decode either way.
                why = String.valueOf(e.getMessage());
            }
        }
        throw ApiException.invalid("", "", "", List.of(FieldError.invalid("patch", shown.get(), why)));
    }
}
