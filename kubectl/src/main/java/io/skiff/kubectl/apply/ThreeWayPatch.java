package io.skiff.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.patch.PatchMeta;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategic merge patch of client-side apply, from three objects: the last applied
 * configuration (original), the live object (current) and the manifest (modified).
 * What the manifest sets differently from the live object is sent; what the last applied
 * configuration had and the manifest no longer has is deleted ({@code null}, or a
 * {@code $patch: delete} element in merge lists); fields only the server or others set are
 * left alone. Merge lists send the changed elements with their merge key and a
 * {@code $setElementOrder} directive, other lists are replaced whole.
 */
public final class ThreeWayPatch {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ThreeWayPatch() {
    }

    /** Strategic merge patch; {@code schema} null means JSON merge patch semantics (no merge lists). */
    public static ObjectNode compute(JsonNode original, JsonNode current, JsonNode modified, PatchMeta schema) {
        return map(obj(original), obj(current), obj(modified), schema == null ? PatchMeta.EMPTY : schema);
    }

    private static ObjectNode map(ObjectNode orig, ObjectNode cur, ObjectNode mod, PatchMeta schema) {
        ObjectNode patch = F.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = mod.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode m = e.getValue();
            JsonNode c = cur.get(key);
            JsonNode o = orig.get(key);
            PatchMeta.Field field = schema.field(key);
            if (c == null || c.isNull()) {
                if (!m.isNull()) {
                    patch.set(key, m);
                }
            } else if (m.isObject() && c.isObject() && field.strategy() != PatchMeta.Strategy.REPLACE) {
                ObjectNode sub = map(obj(o), (ObjectNode) c, (ObjectNode) m, field.schema());
                if (!sub.isEmpty()) {
                    patch.set(key, sub);
                }
            } else if (m.isArray() && c.isArray() && field.mergesList() && field.mergeKey() != null) {
                mergeList(patch, key, field, o != null && o.isArray() ? (ArrayNode) o : F.arrayNode(), (ArrayNode) c, (ArrayNode) m);
            } else if (m.isArray() && c.isArray() && field.mergesList()) {
                primitiveList(patch, key, o != null && o.isArray() ? (ArrayNode) o : F.arrayNode(), (ArrayNode) c, (ArrayNode) m);
            } else if (!m.equals(c)) {
                patch.set(key, m);
            }
        }
        Iterator<String> names = orig.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!mod.has(key)) {
                patch.putNull(key);
            }
        }
        return patch;
    }

    private static void mergeList(ObjectNode patch, String key, PatchMeta.Field field, ArrayNode orig, ArrayNode cur, ArrayNode mod) {
        String k = field.mergeKey();
        Map<JsonNode, JsonNode> curBy = byKey(cur, k);
        Map<JsonNode, JsonNode> origBy = byKey(orig, k);
        Map<JsonNode, JsonNode> modBy = byKey(mod, k);
        List<JsonNode> elements = new ArrayList<>();
        for (JsonNode m : mod) {
            JsonNode id = m.get(k);
            JsonNode c = id == null ? null : curBy.get(id);
            if (c == null || !m.isObject()) {
                elements.add(m);
                continue;
            }
            ObjectNode sub = map(obj(origBy.get(id)), (ObjectNode) c, (ObjectNode) m, field.schema());
            if (!sub.isEmpty()) {
                sub.set(k, id);
                elements.add(sub);
            }
        }
        for (JsonNode o : orig) {
            JsonNode id = o.get(k);
            if (id != null && !modBy.containsKey(id)) {
                ObjectNode delete = F.objectNode();
                delete.put("$patch", "delete");
                delete.set(k, id);
                elements.add(delete);
            }
        }
        if (elements.isEmpty()) {
            return;
        }
        ArrayNode order = patch.putArray("$setElementOrder/" + key);
        for (JsonNode m : mod) {
            if (m.has(k)) {
                order.addObject().set(k, m.get(k));
            }
        }
        patch.putArray(key).addAll(elements);
    }

    private static void primitiveList(ObjectNode patch, String key, ArrayNode orig, ArrayNode cur, ArrayNode mod) {
        List<JsonNode> curValues = list(cur);
        List<JsonNode> modValues = list(mod);
        ArrayNode additions = F.arrayNode();
        for (JsonNode m : mod) {
            if (!curValues.contains(m)) {
                additions.add(m);
            }
        }
        ArrayNode deletions = F.arrayNode();
        for (JsonNode o : orig) {
            if (!modValues.contains(o)) {
                deletions.add(o);
            }
        }
        if (additions.isEmpty() && deletions.isEmpty()) {
            return;
        }
        patch.putArray("$setElementOrder/" + key).addAll(mod);
        if (!additions.isEmpty()) {
            patch.set(key, additions);
        }
        if (!deletions.isEmpty()) {
            patch.set("$deleteFromPrimitiveList/" + key, deletions);
        }
    }

    private static Map<JsonNode, JsonNode> byKey(ArrayNode a, String k) {
        Map<JsonNode, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode e : a) {
            if (e.has(k)) {
                m.put(e.get(k), e);
            }
        }
        return m;
    }

    private static List<JsonNode> list(ArrayNode a) {
        List<JsonNode> l = new ArrayList<>();
        a.forEach(l::add);
        return l;
    }

    private static ObjectNode obj(JsonNode n) {
        return n instanceof ObjectNode o ? o : F.objectNode();
    }
}
