package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge of one map of the patch into the matching map of the object: the
 * {@code $patch}, {@code $retainKeys}, {@code $setElementOrder/} and
 * {@code $deleteFromPrimitiveList/} directives, {@code null} deleting a key, and recursion
 * into maps and lists by the field's {@link PatchMeta}.
 */
final class MapMerger {
    private MapMerger() {
    }

    /**
     * Merges {@code patch} into {@code original} and returns the result, which may be
     * {@code original} itself (modified) or a new node. {@code original} must be owned by the
     * caller (a copy); {@code patch} is only read, and the result never shares its containers.
     */
    static ObjectNode merge(ObjectNode original, ObjectNode patch, PatchMeta schema) {
        JsonNode directive = patch.get(Directives.PATCH);
        if (directive != null && !isText(directive, Directives.MERGE)) {
            if (isText(directive, Directives.REPLACE)) {
                // Replace: the patch's map is the new value; merging it into nothing drops its nulls.
                return merge(Json.object(), JsonValues.without(patch, Directives.PATCH), schema);
            }
            if (isText(directive, Directives.DELETE)) {
                return Json.object();
            }
            throw PatchErrors.unknownPatchType(directive, patch);
        }
        retainKeys(original, patch);
        Set<String> done = new HashSet<>(ElementOrder.apply(original, patch, schema));
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String key = e.getKey();
            if (done.contains(key) || key.equals(Directives.PATCH) || key.equals(Directives.RETAIN_KEYS)
                    || Directives.isSetElementOrder(key)) {
                continue;
            }
            boolean deleteList = Directives.isDeleteFromPrimitiveList(key);
            String name = deleteList ? Directives.deleteFromPrimitiveList(key) : key;
            mergeField(original, name, e.getValue(), schema.field(name), deleteList);
        }
        return original;
    }

    /** The patch value as a new value of its own: nulls dropped, directives applied to nothing. */
    static JsonNode fresh(JsonNode value, PatchMeta.Field field, String name) {
        if (value.isObject()) {
            return merge(Json.object(), (ObjectNode) value, field.schema());
        }
        if (value.isArray()) {
            return ListMerger.merge(Json.MAPPER.createArrayNode(), (ArrayNode) value, field, name);
        }
        return value;
    }

    private static void mergeField(ObjectNode original, String name, JsonNode value, PatchMeta.Field field,
                                   boolean deleteList) {
        JsonNode current = original.get(name);
        if (value.isNull()) {
            original.remove(name);
        } else if (deleteList) {
            // A delete list only ever removes from a list that is there.
            if (current != null && current.isArray() && value.isArray()) {
                original.set(name, ListMerger.deleteFrom((ArrayNode) current, (ArrayNode) value));
            }
        } else if (JsonValues.absent(current) || current.getNodeType() != value.getNodeType()) {
            original.set(name, fresh(value, field, name));
        } else if (value.isObject()) {
            original.set(name, field.strategy() == PatchMeta.Strategy.REPLACE
                    ? fresh(value, field, name)
                    : merge((ObjectNode) current, (ObjectNode) value, field.schema()));
        } else if (value.isArray()) {
            original.set(name, ListMerger.merge((ArrayNode) current, (ArrayNode) value, field, name));
        } else {
            original.set(name, value);
        }
    }

    /**
     * {@code $retainKeys}: keys of the original not listed are cleared; every key the patch
     * sets must be listed, or the patch is malformed.
     */
    private static void retainKeys(ObjectNode original, ObjectNode patch) {
        JsonNode retain = patch.get(Directives.RETAIN_KEYS);
        if (retain == null) {
            return;
        }
        if (!retain.isArray()) {
            throw PatchErrors.badRetainKeys();
        }
        Set<String> keep = new HashSet<>();
        retain.forEach(k -> {
            if (k.isTextual()) {
                keep.add(k.textValue());
            }
        });
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String key = e.getKey();
            boolean exempt = e.getValue().isNull() || key.equals(Directives.RETAIN_KEYS) || key.equals(Directives.PATCH)
                    || Directives.isSetElementOrder(key) || Directives.isDeleteFromPrimitiveList(key);
            if (!exempt && !keep.contains(key)) {
                throw PatchErrors.badRetainKeys();
            }
        }
        original.retain(keep);
    }

    private static boolean isText(JsonNode node, String text) {
        return node.isTextual() && node.textValue().equals(text);
    }
}
