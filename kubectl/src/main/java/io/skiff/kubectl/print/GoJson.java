package io.skiff.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * JSON as Go's encoding/json writes kubectl's unstructured objects: keys sorted, {@code <>&}
 * escaped as {@code \u003c…}, and either compact or indented with four spaces.
 */
public final class GoJson {
    private GoJson() {
    }

    public static String indent(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        write(sb, n, "    ", "");
        return sb.toString();
    }

    public static String compact(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        write(sb, n, null, "");
        return sb.toString();
    }

    private static void write(StringBuilder sb, JsonNode n, String unit, String indent) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            sb.append("null");
        } else if (n.isObject()) {
            if (n.isEmpty()) {
                sb.append("{}");
                return;
            }
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            sb.append('{');
            String inner = unit == null ? "" : indent + unit;
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, unit, inner);
                string(sb, keys.get(i));
                sb.append(unit == null ? ":" : ": ");
                write(sb, n.get(keys.get(i)), unit, inner);
            }
            newline(sb, unit, indent);
            sb.append('}');
        } else if (n.isArray()) {
            if (n.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            String inner = unit == null ? "" : indent + unit;
            Iterator<JsonNode> it = n.elements();
            boolean first = true;
            while (it.hasNext()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, unit, inner);
                write(sb, it.next(), unit, inner);
            }
            newline(sb, unit, indent);
            sb.append(']');
        } else if (n.isTextual()) {
            string(sb, n.asText());
        } else {
            sb.append(scalar(n));
        }
    }

    /** Numbers as Go prints float64/int64 values of unstructured objects. */
    static String scalar(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.asText();
        }
        if (n.isNumber()) {
            double d = n.asDouble();
            if (d == Math.rint(d) && Math.abs(d) < 1e21) {
                return Long.toString((long) d);
            }
            return n.asText();
        }
        return n.asText();
    }

    private static void newline(StringBuilder sb, String unit, String indent) {
        if (unit != null) {
            sb.append('\n').append(indent);
        }
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
