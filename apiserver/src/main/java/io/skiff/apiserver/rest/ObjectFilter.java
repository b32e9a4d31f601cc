package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceType;
import io.skiff.api.selector.FieldSelector;
import io.skiff.api.selector.LabelSelector;
import io.skiff.api.selector.SelectableFields;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Map.Entry;
import java.util.function.Predicate;

/** The namespace, label selector and field selector of a list or watch, as one predicate. */
final class ObjectFilter implements Predicate<ObjectNode> {
    private final ResourceType type;
    private final String namespace;
    private final LabelSelector labels;
    private final FieldSelector fields;

    ObjectFilter(ResourceType type, String namespace, String labelSelector, String fieldSelector) {
        this.type = type;
        this.namespace = type.namespaced() ? namespace : null;
        this.labels = labelSelector == null ? null : LabelSelector.parse(labelSelector);
        this.fields = fieldSelector == null ? null : FieldSelector.parse(fieldSelector);
        if (fields != null) {
            SelectableFields.check(type, fields);
        }
    }

    boolean isEverything() {
        return namespace == null && (labels == null || labels.isEmpty()) && (fields == null || fields.isEmpty());
    }

    @Override
    public boolean test(ObjectNode obj) {
        JsonNode meta = obj.path("metadata");
        if (namespace != null && !namespace.equals(meta.path("namespace").asText())) {
            return false;
        }
        if (labels != null && !labels.isEmpty() && !labels.matches(labelsOf(meta))) {
            return false;
        }
        return fields == null || fields.isEmpty() || fields.matches(SelectableFields.of(type, obj));
    }

    static Map<String, String> labelsOf(JsonNode meta) {
        Map<String, String> out = new HashMap<>();
        for (Iterator<Entry<String, JsonNode>> it = meta.path("labels").fields(); it.hasNext(); ) {
            Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
