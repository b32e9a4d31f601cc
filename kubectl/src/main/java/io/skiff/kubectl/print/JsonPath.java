package io.skiff.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * kubectl's JSONPath templates: text with {@code {…}} actions holding field paths
 * ({@code .a.b}, {@code ['k.x']}, {@code [0]}, {@code [*]}, {@code [1:3]}, {@code ..name},
 * {@code [?(@.type=="Ready")]}), {@code range … end} and string literals. Several results of
 * one action print space-separated; maps and lists print as JSON; missing keys print nothing.
 */
public final class JsonPath {
    private final List<Node> nodes;

    private JsonPath(List<Node> nodes) {
        this.nodes = nodes;
    }

    private sealed interface Node permits Text, Path, Range {
    }

    private record Text(String text) implements Node {
    }

    private record Path(List<Step> steps) implements Node {
    }

    private record Range(List<Step> steps, List<Node> body) implements Node {
    }

    /** One step of a path applied to every current value. */
    private sealed interface Step permits Field, Index, Slice, Wildcard, Recursive, Filter {
    }

    private record Field(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Slice(Integer from, Integer to) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private record Recursive(String name) implements Step {
    }

    private record Filter(List<Step> left, String op, String right) implements Step {
    }

    public static JsonPath parse(String template) {
        List<List<Node>> stack = new ArrayList<>();
        List<List<Step>> rangeSteps = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        int i = 0;
        StringBuilder text = new StringBuilder();
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                text.append(c);
                i++;
                continue;
            }
            int end = closing(template, i);
            if (text.length() > 0) {
                current.add(new Text(text.toString()));
                text.setLength(0);
            }
            String action = template.substring(i + 1, end).trim();
            i = end + 1;
            if (action.startsWith("range ")) {
                stack.add(current);
                rangeSteps.add(steps(action.substring(6).trim()));
                current = new ArrayList<>();
            } else if (action.equals("end")) {
                if (stack.isEmpty()) {
                    throw new IllegalArgumentException("not in range, nothing to end");
                }
                Range r = new Range(rangeSteps.remove(rangeSteps.size() - 1), current);
                current = stack.remove(stack.size() - 1);
                current.add(r);
            } else if (action.startsWith("\"") || action.startsWith("'")) {
                current.add(new Text(unquote(action)));
            } else {
                current.add(new Path(steps(action)));
            }
        }
        if (text.length() > 0) {
            current.add(new Text(text.toString()));
        }
        if (!stack.isEmpty()) {
            throw new IllegalArgumentException("unclosed action");
        }
        return new JsonPath(current);
    }

    private static int closing(String t, int open) {
        boolean quoted = false;
        char quote = 0;
        for (int i = open + 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quoted = false;
                }
            } else if (c == '"' || c == '\'') {
                quoted = true;
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed action");
    }

    private static String unquote(String s) {
        String body = s.substring(1, s.length() - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static List<Step> steps(String expr) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        if (expr.startsWith("$")) {
            i = 1;
        } else if (expr.startsWith("@")) {
            i = 1;
        }
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '.' && i + 1 < expr.length() && expr.charAt(i + 1) == '.') {
                int j = i + 2;
                while (j < expr.length() && expr.charAt(j) != '.' && expr.charAt(j) != '[') {
                    j++;
                }
                steps.add(new Recursive(expr.substring(i + 2, j)));
                i = j;
            } else if (c == '.') {
                int j = i + 1;
                while (j < expr.length() && expr.charAt(j) != '.' && expr.charAt(j) != '[') {
                    j++;
                }
                String name = expr.substring(i + 1, j);
                if (name.equals("*")) {
                    steps.add(new Wildcard());
                } else if (!name.isEmpty()) {
                    steps.add(new Field(name));
                }
                i = j;
            } else if (c == '[') {
                int j = bracketEnd(expr, i);
                steps.add(bracket(expr.substring(i + 1, j).trim()));
                i = j + 1;
            } else {
                int j = i;
                while (j < expr.length() && expr.charAt(j) != '.' && expr.charAt(j) != '[') {
                    j++;
                }
                steps.add(new Field(expr.substring(i, j)));
                i = j;
            }
        }
        return steps;
    }

    private static int bracketEnd(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == quote) {
                    quoted = false;
                }
            } else if (c == '"' || c == '\'') {
                quoted = true;
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated array");
    }

    private static Step bracket(String inner) {
        if (inner.equals("*")) {
            return new Wildcard();
        }
        if (inner.startsWith("'") || inner.startsWith("\"")) {
            return new Field(inner.substring(1, inner.length() - 1));
        }
        if (inner.startsWith("?(") && inner.endsWith(")")) {
            String cond = inner.substring(2, inner.length() - 1).trim();
            for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
                int k = cond.indexOf(op);
                if (k > 0) {
                    String right = cond.substring(k + op.length()).trim();
                    if (right.startsWith("\"") || right.startsWith("'")) {
                        right = right.substring(1, right.length() - 1);
                    }
                    return new Filter(steps(cond.substring(0, k).trim()), op, right);
                }
            }
            return new Filter(steps(cond), null, null);
        }
        if (inner.contains(":")) {
            String[] p = inner.split(":", -1);
            return new Slice(p[0].isBlank() ? null : Integer.parseInt(p[0].trim()), p[1].isBlank() ? null : Integer.parseInt(p[1].trim()));
        }
        return new Index(Integer.parseInt(inner));
    }

    public String execute(JsonNode data) {
        StringBuilder sb = new StringBuilder();
        run(nodes, data, sb);
        return sb.toString();
    }

    /** The values a bare path selects (custom-columns, sort-by). */
    public static List<JsonNode> select(String expr, JsonNode data) {
        String e = expr.trim();
        if (e.startsWith("{") && e.endsWith("}")) {
            e = e.substring(1, e.length() - 1);
        }
        return eval(steps(e), data);
    }

    private static void run(List<Node> nodes, JsonNode data, StringBuilder sb) {
        for (Node n : nodes) {
            if (n instanceof Text t) {
                sb.append(t.text());
            } else if (n instanceof Path p) {
                List<JsonNode> values = eval(p.steps(), data);
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        sb.append(' ');
                    }
                    sb.append(text(values.get(i)));
                }
            } else if (n instanceof Range r) {
                for (JsonNode v : eval(r.steps(), data)) {
                    if (v.isArray()) {
                        for (JsonNode e : v) {
                            run(r.body(), e, sb);
                        }
                    } else {
                        run(r.body(), v, sb);
                    }
                }
            }
        }
    }

    public static String text(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isContainerNode()) {
            return GoJson.compact(v);
        }
        if (v.isNull()) {
            return "<nil>";
        }
        return GoJson.scalar(v);
    }

    private static List<JsonNode> eval(List<Step> steps, JsonNode root) {
        List<JsonNode> cur = new ArrayList<>(List.of(root));
        for (Step s : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode v : cur) {
                apply(s, v, next);
            }
            cur = next;
        }
        return cur;
    }

    private static void apply(Step s, JsonNode v, List<JsonNode> out) {
        if (s instanceof Field f) {
            if (v.isObject() && v.has(f.name())) {
                out.add(v.get(f.name()));
            }
        } else if (s instanceof Index ix) {
            if (v.isArray()) {
                int i = ix.index() < 0 ? v.size() + ix.index() : ix.index();
                if (i >= 0 && i < v.size()) {
                    out.add(v.get(i));
                } else {
                    throw new IllegalArgumentException("array index out of bounds: index " + ix.index() + ", length " + v.size());
                }
            }
        } else if (s instanceof Slice sl) {
            if (v.isArray()) {
                int from = sl.from() == null ? 0 : Math.max(0, sl.from() < 0 ? v.size() + sl.from() : sl.from());
                int to = sl.to() == null ? v.size() : Math.min(v.size(), sl.to() < 0 ? v.size() + sl.to() : sl.to());
                for (int i = from; i < to; i++) {
                    out.add(v.get(i));
                }
            }
        } else if (s instanceof Wildcard) {
            v.elements().forEachRemaining(out::add);
        } else if (s instanceof Recursive r) {
            recurse(v, r.name(), out);
        } else if (s instanceof Filter f) {
            if (v.isArray()) {
                for (JsonNode e : v) {
                    if (matches(f, e)) {
                        out.add(e);
                    }
                }
            }
        }
    }

    private static void recurse(JsonNode v, String name, List<JsonNode> out) {
        if (v.isObject() && (name.isEmpty() || name.equals("*") || v.has(name))) {
            if (name.isEmpty() || name.equals("*")) {
                out.add(v);
            } else {
                out.add(v.get(name));
            }
        }
        v.elements().forEachRemaining(e -> recurse(e, name, out));
    }

    private static boolean matches(Filter f, JsonNode e) {
        List<JsonNode> left = eval(f.left(), e);
        if (f.op() == null) {
            return !left.isEmpty();
        }
        if (left.isEmpty()) {
            return false;
        }
        JsonNode l = left.get(0);
        if (l.isNumber()) {
            double a = l.asDouble();
            double b;
            try {
                b = Double.parseDouble(f.right());
            } catch (NumberFormatException notNumber) {
                return false;
            }
            return switch (f.op()) {
                case "==" -> a == b;
                case "!=" -> a != b;
                case "<" -> a < b;
                case ">" -> a > b;
                case "<=" -> a <= b;
                default -> a >= b;
            };
        }
        String a = l.isTextual() ? l.asText() : text(l);
        int cmp = a.compareTo(f.right());
        return switch (f.op()) {
            case "==" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            default -> cmp >= 0;
        };
    }

    static JsonNode textNode(String s) {
        return TextNode.valueOf(s);
    }
}
