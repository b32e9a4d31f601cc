package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.errors.ApiException;

import java.util.Map;

/**
 * Server-side apply ({@code application/apply-patch+yaml}), simplified: the applied
 * configuration is merged into the live object with strategic-merge semantics (lists with a
 * merge key merge by key, like SSA's {@code listType=map}; other lists and all scalars take the
 * applied value). What is left out is field ownership: there are no {@code managedFields}, so
 * there are no conflicts (and {@code force} changes nothing), and a field that an earlier apply
 * set but this one omits stays instead of being removed.
 * <p>
 * As in Kubernetes, the body is YAML (JSON is YAML), must be an object whose apiVersion and
 * kind are those of the target, and may not contain strategic-merge directives.
 */
public final class ApplyPatch {
    private static final String DECODE = "error decoding YAML: ";

    private ApplyPatch() {
    }

    /**
     * The object after applying {@code body} to {@code current}; when {@code current} is null
     * (nothing there yet, an upsert) the result is the applied object itself, which the caller
     * creates (201) instead of updating (200).
     */
    public static JsonNode apply(JsonNode current, byte[] body, PatchTarget target) {
        JsonNode applied = PatchBody.yaml(body, DECODE);
        if (!applied.isObject()) {
            throw PatchBody.wrongKind(DECODE, applied, "map[string]interface {}");
        }
        String version = applied.path("apiVersion").asText("");
        if (!version.equals(target.apiVersion())) {
            throw ApiException.badRequest("Incorrect version specified in apply patch. Specified patch version: "
                    + version + ", expected: " + target.apiVersion());
        }
        String kind = applied.path("kind").asText("");
        if (!kind.equals(target.kind())) {
            throw ApiException.badRequest("Incorrect kind specified in apply patch. Specified patch kind: "
                    + kind + ", expected: " + target.kind());
        }
        rejectDirectives(applied, "", target);
        if (current == null) {
            return applied.deepCopy();
        }
        return StrategicMergePatch.apply(current, applied, target.schema());
    }

    /** An applied configuration is an object, not a patch: a {@code $} key is an undeclared field. */
    private static void rejectDirectives(JsonNode node, String path, PatchTarget target) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String at = path + "." + e.getKey();
                if (e.getKey().startsWith("$")) {
                    throw ApiException.badRequest("failed to create typed patch object (" + target.groupVersionKind()
                            + "): " + at + ": field not declared in schema");
                }
                rejectDirectives(e.getValue(), at, target);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectDirectives(node.get(i), path + "[" + i + "]", target);
            }
        }
    }
}
