package io.skiff.apiserver.table.printers;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Label maps and LabelSelectors as text ({@code app=web,tier in (a,b)}); "" when empty. */
public final class SelectorText {
    private SelectorText() {
    }

    /** A plain label map, sorted by key. */
    public static String ofMap(JsonNode map) {
        if (map == null || !map.isObject() || map.isEmpty()) {
            return "";
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sorted.put(e.getKey(), e.getValue().asText());
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }

    /** A LabelSelector: matchLabels then matchExpressions. */
    public static String of(JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        String labels = ofMap(selector.get("matchLabels"));
        if (!labels.isEmpty()) {
            parts.add(labels);
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            switch (expr.path("operator").asText()) {
                case "In" -> parts.add(key + " in (" + String.join(",", values) + ")");
                case "NotIn" -> parts.add(key + " notin (" + String.join(",", values) + ")");
                case "Exists" -> parts.add(key);
                case "DoesNotExist" -> parts.add("!" + key);
                default -> { }
            }
        }
        return String.join(",", parts);
    }
}
