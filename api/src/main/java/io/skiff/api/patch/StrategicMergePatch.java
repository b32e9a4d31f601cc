package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * Kubernetes strategic merge patch ({@code application/strategic-merge-patch+json}), as the
 * API server applies it:
 * <ul>
 *   <li>maps merge key by key; {@code null} deletes a key;</li>
 *   <li>lists with {@code patchStrategy: merge} (see {@link PatchMetas}) merge: maps by their
 *       merge key (containers by {@code name}, ports by {@code containerPort}, ...), primitives
 *       as a set; all other lists are replaced;</li>
 *   <li>{@code $patch: replace|delete|merge} on a map or a list element;
 *       {@code $setElementOrder/<list>}; {@code $retainKeys};
 *       {@code $deleteFromPrimitiveList/<list>}.</li>
 * </ul>
 * One deliberate difference: Kubernetes 1.32 rejects {@code $patch: merge} (and answers most
 * malformed patches with a 500); here {@code merge} is the explicit default and every malformed
 * patch is a 400 BadRequest carrying Kubernetes' message.
 */
public final class StrategicMergePatch {
    private StrategicMergePatch() {
    }

    /** Decodes {@code patchBody} (400 BadRequest if it is not a JSON object) and applies it. */
    public static JsonNode apply(JsonNode original, byte[] patchBody, PatchMeta schema) {
        return apply(original, PatchBody.json(patchBody, ""), schema);
    }

    /**
     * A patched copy of {@code original}, which must be an object; neither argument is modified.
     * A JSON {@code null} patch changes nothing, as decoding null into a Go map does.
     */
    public static JsonNode apply(JsonNode original, JsonNode patch, PatchMeta schema) {
        Objects.requireNonNull(schema, "schema");
        if (!Objects.requireNonNull(original, "original").isObject()) {
            throw new IllegalArgumentException("a strategic merge patch applies to an object, not " + original.getNodeType());
        }
        if (patch.isNull()) {
            return original.deepCopy();
        }
        if (!patch.isObject()) {
            throw PatchBody.wrongKind("", patch, "map[string]interface {}");
        }
        return MapMerger.merge(((ObjectNode) original).deepCopy(), (ObjectNode) patch, schema);
    }
}
