package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import io.skiff.api.errors.ApiException;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * RFC 6902 JSON Patch ({@code application/json-patch+json}), with the API server's errors:
 * a body that is not a list of operation objects is 400 BadRequest, more than 10000
 * operations is 413, and an operation that does not apply (missing path, failed test) is
 * 422 Invalid "the server rejected our request due to an error in our request".
 */
public final class JsonPatch {
    /** Kubernetes' {@code maxJSONPatchOperations}. */
    public static final int MAX_OPERATIONS = 10_000;

    private static final String DECODE = "error decoding patch: ";
    /** The operation fields Kubernetes decodes as strings before applying anything. */
    private static final List<String> OPERATION_STRINGS = List.of("op", "path", "from");
    /**
     * Behave like the evanphx/json-patch v4 library behind Kubernetes: removing a missing key
     * fails, and an operation without "value" uses null.
     */
    private static final EnumSet<CompatibilityFlags> FLAGS =
            EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT, CompatibilityFlags.MISSING_VALUES_AS_NULLS);

    private JsonPatch() {
    }

    public static JsonNode apply(JsonNode target, byte[] patchBody) {
        return apply(target, PatchBody.json(patchBody, DECODE));
    }

    /** A patched copy of {@code target}; {@code target} itself is never modified. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        Objects.requireNonNull(target, "target");
        if (!patch.isArray()) {
            throw PatchBody.wrongKind(DECODE, patch, "[]handlers.jsonPatchOp");
        }
        for (JsonNode operation : patch) {
            if (!operation.isObject()) {
                throw PatchBody.wrongKind(DECODE, operation, "handlers.jsonPatchOp");
            }
            for (String field : OPERATION_STRINGS) {
                JsonNode value = operation.get(field);
                if (value != null && !value.isTextual() && !value.isNull()) {
                    throw PatchBody.wrongKind(DECODE, value, "string", "jsonPatchOp." + field);
                }
            }
        }
        if (patch.size() > MAX_OPERATIONS) {
            throw ApiException.tooLarge("The allowed maximum operations in a JSON patch is " + MAX_OPERATIONS
                    + ", got " + patch.size());
        }
        try {
            // zjsonpatch's copying apply works on a deep copy, so a failure leaves nothing half-done.
            return com.flipkart.zjsonpatch.JsonPatch.apply(patch, target, FLAGS);
        } catch (RuntimeException e) {
            // Whatever the library trips over in a well-formed list (a missing path, an object
            // token on an array, a failed test), the operation does not apply to this object.
            throw PatchErrors.rejected(e);
        }
    }
}
