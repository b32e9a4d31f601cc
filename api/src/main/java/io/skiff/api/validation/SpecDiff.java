package io.skiff.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A line-per-field difference between two JSON trees, appended to "may not change" errors so the
 * user sees what changed. Kubernetes prints a Go struct diff there; this says the same in JSON paths.
 */
final class SpecDiff {
    private SpecDiff() {
    }

    static String diff(String rootPath, JsonNode oldTree, JsonNode newTree) {
        List<String> lines = new ArrayList<>();
        walk(rootPath, oldTree == null ? MissingNode.getInstance() : oldTree,
                newTree == null ? MissingNode.getInstance() : newTree, lines);
        return String.join("\n", lines);
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                walk(path + "." + n, a.path(n), b.path(n), out);
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                walk(path + "[" + i + "]", a.path(i), b.path(i), out);
            }
            return;
        }
        if (!a.isMissingNode()) {
            out.add("- " + path + ": " + a);
        }
        if (!b.isMissingNode()) {
            out.add("+ " + path + ": " + b);
        }
    }
}
