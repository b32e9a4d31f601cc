package io.skiff.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.print.TabWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kubectl describe's writer: lines indented two spaces per level, all through one tab writer
 * (min width 0, padding 2) so that runs of "Key:\tvalue" lines align.
 */
class Out {
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private final StringBuilder sb = new StringBuilder();
    private final TabWriter tw = new TabWriter(sb, 0, 2);

    void line(int level, String text) {
        tw.line("  ".repeat(level) + text);
    }

    /** {@code Labels:} style: first pair on the key's line, the rest below it, or {@code <none>}. */
    void map(int level, String title, JsonNode map, boolean skipLastApplied) {
        Map<String, String> sorted = new TreeMap<>();
        map.fields().forEachRemaining(e -> {
            if (!(skipLastApplied && e.getKey().equals(LAST_APPLIED))) {
                sorted.put(e.getKey(), e.getValue().asText());
            }
        });
        if (sorted.isEmpty()) {
            line(level, title + ":\t<none>");
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            String sep = skipLastApplied ? ": " : "=";
            line(level, (first ? title + ":" : "") + "\t" + e.getKey() + sep + e.getValue());
            first = false;
        }
    }

    /** Multi-valued lines: first value after the key, others on their own lines. */
    void list(int level, String title, List<String> values) {
        if (values.isEmpty()) {
            line(level, title + ":\t<none>");
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            line(level, (i == 0 ? title + ":" : "") + "\t" + values.get(i));
        }
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
        return out;
    }

    String text() {
        tw.flush();
        return sb.toString();
    }
}
