package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders values the way Kubernetes' Go error messages print them ({@code %q}, {@code %v},
 * {@code %#v}), so an error reads the same whether it comes from Skiff or from Kubernetes.
 */
public final class GoValue {
    /** Text printed as is, for values Go renders with {@code %#v} or {@code String()}. */
    public record Literal(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private GoValue() {
    }

    public static Literal literal(String text) {
        return new Literal(text);
    }

    /** {@code %v} of a field error's bad value: strings quoted, numbers and booleans bare, nil as null. */
    public static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Literal l) {
            return l.text();
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        // Anything else prints as text; callers render Go structs themselves with struct().
        return quote(String.valueOf(value));
    }

    /** Go's strconv.Quote: printable characters as they are, the rest escaped. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x0b -> sb.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", c));
                    } else if (Character.isISOControl(c) || !Character.isDefined(c)) {
                        sb.append(c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    /** {@code %#v} of a {@code map[string]string}; Go prints keys sorted. */
    public static Literal stringMap(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return literal("map[string]string(nil)");
        }
        StringBuilder sb = new StringBuilder("map[string]string{");
        int i = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            sb.append(i++ > 0 ? ", " : "").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        return literal(sb.append('}').toString());
    }

    /** {@code %#v} of a {@code []string}. */
    public static Literal stringSlice(List<String> list) {
        return literal(stringSliceText(list));
    }

    private static String stringSliceText(List<String> list) {
        if (list == null || list.isEmpty()) {
            return "[]string(nil)";
        }
        StringBuilder sb = new StringBuilder("[]string{");
        for (int i = 0; i < list.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(quote(list.get(i)));
        }
        return sb.append('}').toString();
    }

    /** {@code %#v} of a metav1.LabelSelector, as Kubernetes prints it for immutable or empty selectors. */
    public static Literal labelSelector(LabelSelector selector) {
        if (selector == null) {
            return literal("null");
        }
        StringBuilder sb = new StringBuilder("v1.LabelSelector{MatchLabels:")
                .append(stringMap(selector.getMatchLabels()).text()).append(", MatchExpressions:");
        List<LabelSelectorRequirement> exprs = selector.getMatchExpressions();
        if (exprs == null || exprs.isEmpty()) {
            sb.append("[]v1.LabelSelectorRequirement(nil)");
        } else {
            sb.append("[]v1.LabelSelectorRequirement{");
            for (int i = 0; i < exprs.size(); i++) {
                LabelSelectorRequirement r = exprs.get(i);
                sb.append(i > 0 ? ", " : "").append("v1.LabelSelectorRequirement{Key:").append(quote(nz(r.getKey())))
                        .append(", Operator:").append(quote(nz(r.getOperator())))
                        .append(", Values:").append(stringSliceText(r.getValues())).append('}');
            }
            sb.append('}');
        }
        return literal(sb.append('}').toString());
    }

    /**
     * A struct printed with {@code %#v}: {@code type{Field:value, ...}}; values are rendered with
     * {@link #render}, so callers pass Literals for nested structs.
     */
    public static Literal struct(String type, Object... namesAndValues) {
        StringBuilder sb = new StringBuilder(type).append('{');
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sb.append(i > 0 ? ", " : "").append(namesAndValues[i]).append(':').append(render(namesAndValues[i + 1]));
        }
        return literal(sb.append('}').toString());
    }

    /**
     * A metav1.Time printed through Go's {@code time.Time.String()}: {@code 2024-01-02 03:04:05 +0000 UTC}.
     * Kubernetes stores RFC 3339 timestamps in UTC; values that do not parse are shown as given.
     */
    public static Literal time(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return literal("0001-01-01 00:00:00 +0000 UTC");
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(rfc3339).withOffsetSameInstant(ZoneOffset.UTC);
            String base = String.format("%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
            if (t.getNano() != 0) {
                base += ("." + String.format("%09d", t.getNano())).replaceAll("0+$", "");
            }
            return literal(base + " +0000 UTC");
        } catch (DateTimeParseException e) {
            return literal(rfc3339);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
