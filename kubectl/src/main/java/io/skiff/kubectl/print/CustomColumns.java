package io.skiff.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.KubectlException;

import java.util.ArrayList;
import java.util.List;

/** {@code -o custom-columns=HEADER:.path,…}: one row per object, {@code <none>} for missing values. */
public final class CustomColumns {
    private final List<String> headers;
    private final List<String> paths;

    private CustomColumns(List<String> headers, List<String> paths) {
        this.headers = headers;
        this.paths = paths;
    }

    public static CustomColumns parse(String spec) {
        List<String> headers = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (String col : spec.split(",")) {
            int colon = col.indexOf(':');
            if (colon < 0) {
                throw new KubectlException("unexpected custom-columns spec: " + col + ", expected <header>:<json-path-expr>");
            }
            headers.add(col.substring(0, colon));
            String p = col.substring(colon + 1);
            paths.add(p.startsWith("{") ? p : p.startsWith(".") ? p : "." + p);
        }
        return new CustomColumns(headers, paths);
    }

    public String print(JsonNode obj, boolean noHeaders) {
        StringBuilder sb = new StringBuilder();
        TabWriter tw = new TabWriter(sb);
        if (!noHeaders) {
            tw.cells(headers);
        }
        if (obj.has("items") && obj.path("kind").asText().endsWith("List")) {
            obj.get("items").forEach(item -> tw.cells(row(item)));
        } else {
            tw.cells(row(obj));
        }
        tw.flush();
        return sb.toString();
    }

    private List<String> row(JsonNode item) {
        List<String> cells = new ArrayList<>();
        for (String p : paths) {
            List<JsonNode> values = JsonPath.select(p, item);
            if (values.isEmpty()) {
                cells.add("<none>");
            } else {
                List<String> texts = new ArrayList<>();
                values.forEach(v -> texts.add(GoTemplateText.goValue(v)));
                cells.add(String.join(",", texts));
            }
        }
        return cells;
    }
}
