package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge of one list. Lists without the merge strategy are replaced by the patch's
 * list. Merge lists of maps match elements by the merge key (elements may carry
 * {@code $patch: delete|replace|merge}); merge lists of primitives are merged as a set. The
 * order of the result follows Kubernetes: patch elements in patch order, the others in their
 * live order, interleaved by live order.
 */
final class ListMerger {
    private ListMerger() {
    }

    /** {@code original} is owned by the caller; {@code patch} is only read. */
    static ArrayNode merge(ArrayNode original, ArrayNode patch, PatchMeta.Field field, String name) {
        if (!field.mergesList()) {
            return freshElements(patch, field, name);
        }
        if (original.isEmpty() && patch.isEmpty()) {
            return original;
        }
        if (elementType(original, patch) != JsonNodeType.OBJECT) {
            return mergeScalars(original, patch);
        }
        if (field.mergeKey() == null) {
            throw PatchErrors.noMergeKeyDeclared(name);
        }
        return mergeMaps(original, patch, field);
    }

    /** {@code $deleteFromPrimitiveList/<list>}: every listed value leaves the list. */
    static ArrayNode deleteFrom(ArrayNode original, ArrayNode toDelete) {
        if (original.isEmpty() && toDelete.isEmpty()) {
            return original;
        }
        if (elementType(original, toDelete) == JsonNodeType.OBJECT) {
            throw PatchErrors.badPrimitiveList();
        }
        Set<String> gone = new HashSet<>();
        toDelete.forEach(v -> gone.add(JsonValues.identity(v)));
        ArrayNode result = Json.MAPPER.createArrayNode();
        original.forEach(v -> {
            if (!gone.contains(JsonValues.identity(v))) {
                result.add(v);
            }
        });
        return result;
    }

    private static ArrayNode freshElements(ArrayNode patch, PatchMeta.Field field, String name) {
        ArrayNode result = Json.MAPPER.createArrayNode();
        PatchMeta.Field element = new PatchMeta.Field(PatchMeta.Strategy.DEFAULT, null, field.schema());
        patch.forEach(v -> result.add(MapMerger.fresh(v, element, name)));
        return result;
    }

    private static ArrayNode mergeScalars(ArrayNode original, ArrayNode patch) {
        Map<String, JsonNode> union = new LinkedHashMap<>();
        original.forEach(v -> union.putIfAbsent(JsonValues.identity(v), v));
        patch.forEach(v -> union.putIfAbsent(JsonValues.identity(v), v));
        return ElementOrder.normalize(new ArrayList<>(union.values()), identities(patch, null),
                identities(original, null), null);
    }

    private static ArrayNode mergeMaps(ArrayNode original, ArrayNode patch, PatchMeta.Field field) {
        String key = field.mergeKey();
        List<JsonNode> items = new ArrayList<>();
        original.forEach(items::add);
        List<ObjectNode> patchItems = new ArrayList<>();
        boolean replace = false;
        for (JsonNode element : patch) {
            ObjectNode item = (ObjectNode) element;
            JsonNode directive = item.get(Directives.PATCH);
            if (directive == null) {
                patchItems.add(item);
            } else if (isText(directive, Directives.DELETE)) {
                JsonNode id = item.get(key);
                if (id == null) {
                    throw PatchErrors.noMergeKey(item, key);
                }
                String gone = JsonValues.identity(id);
                items.removeIf(i -> i.isObject() && gone.equals(JsonValues.identity(i.get(key))));
            } else if (isText(directive, Directives.REPLACE)) {
                replace = true;
            } else if (isText(directive, Directives.MERGE)) {
                // An element carrying the default directive merges as usual; a bare marker says nothing.
                if (item.has(key)) {
                    patchItems.add(JsonValues.without(item, Directives.PATCH));
                }
            } else {
                throw PatchErrors.unknownPatchType(directive, item);
            }
        }
        if (replace) {
            items.clear();
        }
        List<String> liveOrder = identities(items, key);
        // Positions grow with appended elements: a key repeated in the patch merges into the first.
        List<String> positions = new ArrayList<>(liveOrder);
        for (ObjectNode item : patchItems) {
            String id = identity(item, key);
            int at = positions.indexOf(id);
            if (at >= 0) {
                items.set(at, MapMerger.merge((ObjectNode) items.get(at), item, field.schema()));
            } else {
                items.add(MapMerger.merge(Json.object(), item, field.schema()));
                positions.add(id);
            }
        }
        return ElementOrder.normalize(items, identities(patchItems, key), liveOrder, key);
    }

    /** The element type of both lists: lists of lists and mixed types are refused, as in Kubernetes. */
    private static JsonNodeType elementType(ArrayNode original, ArrayNode patch) {
        JsonNodeType type = null;
        for (ArrayNode list : List.of(original, patch)) {
            for (JsonNode v : list) {
                JsonNodeType t = v.getNodeType();
                if (type == null) {
                    if (t == JsonNodeType.ARRAY) {
                        throw PatchErrors.listOfLists();
                    }
                    type = t;
                } else if (t != type) {
                    throw PatchErrors.mixedElementTypes(List.of(original, patch));
                }
            }
        }
        return type;
    }

    /**
     * The identity of each element: its merge key's value, or the element itself for
     * primitives. A map without the merge key cannot be ordered, which Kubernetes refuses.
     */
    static List<String> identities(Iterable<? extends JsonNode> list, String mergeKey) {
        List<String> ids = new ArrayList<>();
        for (JsonNode v : list) {
            ids.add(identity(v, mergeKey));
        }
        return ids;
    }

    static String identity(JsonNode element, String mergeKey) {
        if (mergeKey == null) {
            return JsonValues.identity(element);
        }
        if (!element.isObject()) {
            throw PatchErrors.badArgType("map[string]interface {}", element);
        }
        JsonNode id = element.get(mergeKey);
        if (id == null) {
            throw PatchErrors.noMergeKey(element, mergeKey);
        }
        return JsonValues.identity(id);
    }

    private static boolean isText(JsonNode node, String text) {
        return node.isTextual() && node.textValue().equals(text);
    }
}
