package io.skiff.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a server-side {@code meta.k8s.io/v1} Table as kubectl does: upper-case headers,
 * {@code priority > 0} columns only with {@code -o wide}, cells verbatim, optional NAMESPACE,
 * LABELS and {@code -L} columns from each row's object metadata, and a kind prefix on the name
 * when several types print together.
 */
public final class TablePrinter {
    /** How to print; {@code kindPrefix} is null unless several types print together. */
    public record Options(boolean wide, boolean withNamespace, boolean showLabels, List<String> labelColumns,
                          String kindPrefix, boolean noHeaders) {
        public Options withKindPrefix(String prefix) {
            return new Options(wide, withNamespace, showLabels, labelColumns, prefix, noHeaders);
        }
    }

    private final Options options;

    public TablePrinter(Options options) {
        this.options = options;
    }

    public List<String> header(JsonNode table) {
        List<String> h = new ArrayList<>();
        if (options.withNamespace()) {
            h.add("NAMESPACE");
        }
        for (JsonNode c : table.path("columnDefinitions")) {
            if (shown(c)) {
                h.add(c.path("name").asText().toUpperCase(Locale.ROOT));
            }
        }
        for (String l : options.labelColumns()) {
            h.add(l.substring(l.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT));
        }
        if (options.showLabels()) {
            h.add("LABELS");
        }
        return h;
    }

    public List<String> row(JsonNode table, JsonNode row) {
        List<String> cells = new ArrayList<>();
        JsonNode meta = row.path("object").path("metadata");
        if (options.withNamespace()) {
            cells.add(meta.path("namespace").asText(""));
        }
        JsonNode defs = table.path("columnDefinitions");
        JsonNode values = row.path("cells");
        for (int i = 0; i < values.size(); i++) {
            if (i < defs.size() && !shown(defs.get(i))) {
                continue;
            }
            String cell = cell(values.get(i));
            if (cells.size() == (options.withNamespace() ? 1 : 0) && options.kindPrefix() != null) {
                cell = options.kindPrefix() + "/" + cell;
            }
            cells.add(cell);
        }
        for (String l : options.labelColumns()) {
            cells.add(meta.path("labels").path(l).asText(""));
        }
        if (options.showLabels()) {
            cells.add(labels(meta.path("labels")));
        }
        return cells;
    }

    /** Header (unless suppressed) and every row into {@code tw}; the caller flushes. */
    public void print(JsonNode table, List<JsonNode> rows, TabWriter tw) {
        if (!options.noHeaders()) {
            tw.cells(header(table));
        }
        for (JsonNode r : rows) {
            tw.cells(row(table, r));
        }
    }

    private boolean shown(JsonNode column) {
        return options.wide() || column.path("priority").asInt(0) == 0;
    }

    static String cell(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "<nil>";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isContainerNode()) {
            return GoTemplateText.goValue(v);
        }
        return GoJson.scalar(v);
    }

    /** {@code k=v,k2=v2} sorted by key, or {@code <none>}. */
    public static String labels(JsonNode labels) {
        if (labels == null || !labels.isObject() || labels.isEmpty()) {
            return "<none>";
        }
        Map<String, String> sorted = new TreeMap<>();
        labels.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> sb.append(sb.length() > 0 ? "," : "").append(k).append('=').append(v));
        return sb.toString();
    }
}
