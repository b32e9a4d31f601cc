package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints JSON values the way Go's {@code fmt} prints the decoded {@code interface{}} values, so
 * that patch error messages read exactly as the Kubernetes API server words them
 * (e.g. {@code map: map[image:nginx] does not contain declared merge key: name}).
 */
final class GoFormat {
    private GoFormat() {
    }

    /** Go's {@code %v}: maps with sorted keys, lists space-separated, null as {@code <nil>}. */
    static String value(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        append(sb, node);
        return sb.toString();
    }

    /** Go's {@code reflect.TypeOf(v)} name of the value {@code encoding/json} decodes the node to. */
    static String typeName(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "<nil>";
        }
        if (node.isObject()) {
            return "map[string]interface {}";
        }
        if (node.isArray()) {
            return "[]interface {}";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isIntegralNumber() ? "int64" : "float64";
    }

    private static void append(StringBuilder sb, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            sb.append("<nil>");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            entries.sort(Map.Entry.comparingByKey());
            sb.append("map[");
            for (int i = 0; i < entries.size(); i++) {
                sb.append(i > 0 ? " " : "").append(entries.get(i).getKey()).append(':');
                append(sb, entries.get(i).getValue());
            }
            sb.append(']');
        } else if (node.isArray()) {
            sb.append('[');
            Iterator<JsonNode> it = node.elements();
            for (int i = 0; it.hasNext(); i++) {
                sb.append(i > 0 ? " " : "");
                append(sb, it.next());
            }
            sb.append(']');
        } else if (node.isTextual()) {
            sb.append(node.textValue());
        } else if (node.isIntegralNumber()) {
            sb.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            sb.append(floatText(node.decimalValue()));
        } else {
            sb.append(node.asText());
        }
    }

    /** Go prints float64 in its shortest form: 1.5, 80, 1e+21. */
    private static String floatText(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 21) {
            return stripped.toBigInteger().toString();
        }
        return stripped.toString().replace('E', 'e');
    }
}
