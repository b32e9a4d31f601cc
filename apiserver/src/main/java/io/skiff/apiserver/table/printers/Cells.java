package io.skiff.apiserver.table.printers;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Small formatting helpers shared by the printers. */
final class Cells {
    static final String NONE = "<none>";

    private Cells() {
    }

    /** {@code a=b,c=d} sorted by key, or {@code <none>}. */
    static String labels(JsonNode map) {
        return orNone(SelectorText.ofMap(map));
    }

    /** A LabelSelector (matchLabels + matchExpressions) in kubectl's printed form. */
    static String selector(JsonNode selector) {
        return orNone(SelectorText.of(selector));
    }

    static String containerNames(JsonNode podSpec) {
        List<String> names = new ArrayList<>();
        podSpec.path("containers").forEach(c -> names.add(c.path("name").asText()));
        return String.join(",", names);
    }

    static String containerImages(JsonNode podSpec) {
        List<String> images = new ArrayList<>();
        podSpec.path("containers").forEach(c -> images.add(c.path("image").asText()));
        return String.join(",", images);
    }

    static long integer(JsonNode node) {
        return node == null ? 0 : node.asLong(0);
    }

    static String orNone(String s) {
        return s == null || s.isEmpty() ? NONE : s;
    }
}
