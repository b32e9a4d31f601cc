package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of merged lists, after Kubernetes' "preserve order in strategic merge patch"
 * design: {@code $setElementOrder} beats the order of the patch list, which beats the live
 * order. Elements the patch does not name keep their live relative order and are
 * interleaved with the others where the live order allows.
 */
final class ElementOrder {
    private ElementOrder() {
    }

    /**
     * Applies every {@code $setElementOrder/<list>} of {@code patch}: merges the named list
     * and orders the result. Returns the patch keys consumed (directives and their lists).
     */
    static Set<String> apply(ObjectNode original, ObjectNode patch, PatchMeta schema) {
        Set<String> done = new HashSet<>();
        List<String> directives = new ArrayList<>();
        patch.fieldNames().forEachRemaining(k -> {
            if (Directives.isSetElementOrder(k)) {
                directives.add(k);
            }
        });
        for (String key : directives) {
            done.add(key);
            JsonNode order = patch.get(key);
            if (!order.isArray()) {
                throw PatchErrors.badArgType("[]interface {}", order);
            }
            String name = Directives.setElementOrderList(key);
            if (orderList(original, patch, name, (ArrayNode) order, schema.field(name))) {
                done.add(name);
            }
        }
        return done;
    }

    /** Returns whether the patch's own list was merged here. */
    private static boolean orderList(ObjectNode original, ObjectNode patch, String name, ArrayNode order,
                                     PatchMeta.Field field) {
        JsonNode live = original.get(name);
        JsonNode patchList = patch.get(name);
        boolean hasLive = !JsonValues.absent(live);
        if (hasLive && !live.isArray()) {
            throw PatchErrors.badArgType("[]interface {}", live);
        }
        if (patchList != null && !patchList.isArray()) {
            throw PatchErrors.badArgType("[]interface {}", patchList);
        }
        if (!hasLive && patchList == null) {
            return false;
        }
        String mergeKey = field.mergeKey();
        ArrayNode merged = hasLive ? (ArrayNode) live : Json.MAPPER.createArrayNode();
        if (patchList != null) {
            requireConsistent((ArrayNode) patchList, order, mergeKey);
            merged = ListMerger.merge(merged, (ArrayNode) patchList, field, name);
        }
        List<JsonNode> items = new ArrayList<>();
        merged.forEach(items::add);
        List<String> liveOrder = hasLive ? ListMerger.identities(live, mergeKey) : List.of();
        original.set(name, normalize(items, ListMerger.identities(order, mergeKey), liveOrder, mergeKey));
        return patchList != null;
    }

    /**
     * The patch list must be a subsequence of the {@code $setElementOrder} list (elements
     * carrying a {@code $patch} directive aside), or the server refuses the patch.
     */
    private static void requireConsistent(ArrayNode patchList, ArrayNode order, String mergeKey) {
        List<String> named = new ArrayList<>();
        for (JsonNode v : patchList) {
            if (!(v.isObject() && v.has(Directives.PATCH))) {
                named.add(ListMerger.identity(v, mergeKey));
            }
        }
        Iterator<String> wanted = named.iterator();
        String next = wanted.hasNext() ? wanted.next() : null;
        for (JsonNode v : order) {
            if (next != null && next.equals(ListMerger.identity(v, mergeKey))) {
                next = wanted.hasNext() ? wanted.next() : null;
            }
        }
        if (next != null && !order.isEmpty()) {
            throw PatchErrors.orderMismatch(patchList, order);
        }
    }

    /**
     * Orders {@code merged}: elements named in {@code patchOrder} by that order, the others by
     * {@code liveOrder}, then both sequences interleaved by live order.
     */
    static ArrayNode normalize(List<JsonNode> merged, List<String> patchOrder, List<String> liveOrder,
                               String mergeKey) {
        Map<String, Integer> patchIndex = firstIndex(patchOrder);
        Map<String, Integer> liveIndex = firstIndex(liveOrder);
        List<Entry> named = new ArrayList<>();
        List<Entry> others = new ArrayList<>();
        for (JsonNode v : merged) {
            String id = ListMerger.identity(v, mergeKey);
            (patchIndex.containsKey(id) ? named : others).add(new Entry(id, v));
        }
        named.sort(Comparator.comparingInt(e -> patchIndex.get(e.id)));
        others.sort(Comparator.comparingInt(e -> liveIndex.getOrDefault(e.id, Integer.MAX_VALUE)));

        ArrayNode result = Json.MAPPER.createArrayNode();
        int i = 0;
        int j = 0;
        while (i < others.size() && j < named.size()) {
            Integer li = liveIndex.get(others.get(i).id);
            Integer ni = liveIndex.get(named.get(j).id);
            // A live-only element goes first only when both are live and it came first there.
            if (li != null && ni != null && li < ni) {
                result.add(others.get(i++).value);
            } else {
                result.add(named.get(j++).value);
            }
        }
        while (i < others.size()) {
            result.add(others.get(i++).value);
        }
        while (j < named.size()) {
            result.add(named.get(j++).value);
        }
        return result;
    }

    private static Map<String, Integer> firstIndex(List<String> ids) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < ids.size(); k++) {
            index.putIfAbsent(ids.get(k), k);
        }
        return index;
    }

    private record Entry(String id, JsonNode value) {
    }
}
