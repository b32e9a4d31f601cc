package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Removes a field named by a Kubernetes field path such as {@code spec.containers[0].foo}. */
final class JsonPaths {
    private JsonPaths() {
    }

    static void remove(ObjectNode root, String path) {
        List<Object> segments = parse(path);
        JsonNode node = root;
        for (int i = 0; i < segments.size() - 1 && node != null; i++) {
            Object s = segments.get(i);
            node = s instanceof Integer idx ? node.get(idx) : node.get((String) s);
        }
        Object last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (node instanceof ObjectNode obj && last instanceof String name) {
            obj.remove(name);
        } else if (node instanceof ArrayNode arr && last instanceof Integer idx) {
            arr.remove(idx);
        }
    }

    static List<Object> parse(String path) {
        List<Object> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.') {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else if (c == '[') {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                int end = path.indexOf(']', i);
                String inside = path.substring(i + 1, end < 0 ? path.length() : end);
                try {
                    out.add(Integer.parseInt(inside));
                } catch (NumberFormatException e) {
                    out.add(inside.replace("\"", "")); // map key, e.g. labels["a.b/c"]
                }
                i = end < 0 ? path.length() : end;
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
