package io.skiff.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * YAML as kubectl prints it (JSON to YAML through go-yaml v2): keys sorted, list items at the
 * parent's indentation, strings plain unless they would read back as another type (then
 * double-quoted) or cannot be plain (then single-quoted), multi-line strings as literal blocks.
 */
public final class GoYaml {
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?0x[0-9a-fA-F_]+|0b[01_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|\\s+)?([0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?)?\\s*(Z|[-+][0-9]{1,2}(:[0-9]{2})?)?");
    private static final List<String> RESERVED = List.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
            "null", "Null", "NULL", "~", "<<", "=");

    private GoYaml() {
    }

    public static String write(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        if (n.isObject() && !n.isEmpty()) {
            map(sb, n, 0);
        } else if (n.isArray() && !n.isEmpty()) {
            list(sb, n, 0);
        } else {
            sb.append(scalar(n, 0)).append('\n');
        }
        return sb.toString();
    }

    private static void map(StringBuilder sb, JsonNode n, int indent) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        Collections.sort(keys);
        boolean first = true;
        for (String k : keys) {
            if (!first) {
                sb.append(" ".repeat(indent));
            }
            first = false;
            sb.append(string(k, indent)).append(':');
            value(sb, n.get(k), indent, false);
        }
    }

    private static void list(StringBuilder sb, JsonNode n, int indent) {
        boolean first = true;
        for (JsonNode item : n) {
            if (!first) {
                sb.append(" ".repeat(indent));
            }
            first = false;
            sb.append('-');
            value(sb, item, indent, true);
        }
    }

    /** After "key:" or "-": nested collections go on the next lines, scalars on this one. */
    private static void value(StringBuilder sb, JsonNode v, int indent, boolean inList) {
        if (v.isObject() && !v.isEmpty()) {
            if (inList) {
                sb.append(' ');
                map(sb, v, indent + 2);
            } else {
                sb.append('\n').append(" ".repeat(indent + 2));
                map(sb, v, indent + 2);
            }
        } else if (v.isArray() && !v.isEmpty()) {
            if (inList) {
                sb.append(' ');
                list(sb, v, indent + 2);
            } else {
                sb.append('\n').append(" ".repeat(indent));
                list(sb, v, indent);
            }
        } else {
            sb.append(' ').append(scalar(v, indent)).append('\n');
        }
    }

    private static String scalar(JsonNode v, int indent) {
        if (v.isObject()) {
            return "{}";
        }
        if (v.isArray()) {
            return "[]";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return string(v.asText(), indent);
        }
        return GoJson.scalar(v);
    }

    static String string(String s, int indent) {
        if (s.contains("\n")) {
            return literal(s, indent);
        }
        if (s.isEmpty() || RESERVED.contains(s) || NUMBER.matcher(s).matches() || TIMESTAMP.matcher(s).matches()) {
            return doubleQuoted(s);
        }
        if (!plainAllowed(s)) {
            return singleQuoteAllowed(s) ? "'" + s.replace("'", "''") + "'" : doubleQuoted(s);
        }
        return s;
    }

    private static String literal(String s, int indent) {
        String chomp = s.endsWith("\n") ? (s.endsWith("\n\n") ? "+" : "") : "-";
        String pad = " ".repeat(indent + 2);
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        StringBuilder sb = new StringBuilder("|" + (s.startsWith(" ") ? "2" : "") + chomp);
        for (String line : body.split("\n", -1)) {
            sb.append('\n');
            if (!line.isEmpty()) {
                sb.append(pad).append(line);
            }
        }
        return sb.toString();
    }

    /** libyaml's analysis for block context. */
    private static boolean plainAllowed(String s) {
        char first = s.charAt(0);
        if (s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        if (first == ' ' || s.charAt(s.length() - 1) == ' ') {
            return false;
        }
        if (",[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        boolean firstFollowedBySpace = s.length() == 1 || s.charAt(1) == ' ';
        if ((first == '-' || first == '?' || first == ':') && firstFollowedBySpace) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean followedBySpace = i + 1 == s.length() || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t';
            if (c == ':' && followedBySpace && i > 0) {
                return false;
            }
            if (c == '#' && i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
                return false;
            }
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean singleQuoteAllowed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
