package io.skiff.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Go's {@code %v} of decoded JSON values: {@code map[k:v]} and {@code [a b]}. */
final class GoTemplateText {
    private GoTemplateText() {
    }

    static String goValue(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isObject()) {
            List<String> keys = new ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            StringBuilder sb = new StringBuilder("map[");
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? " " : "").append(keys.get(i)).append(':').append(goValue(v.get(keys.get(i))));
            }
            return sb.append(']').toString();
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                sb.append(i > 0 ? " " : "").append(goValue(v.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v.isNull()) {
            return "<nil>";
        }
        return GoJson.scalar(v);
    }
}
