package io.skiff.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of Go's text/template that kubectl users write: field chains ({@code .a.b}),
 * {@code $}, string literals, {@code range}, {@code if}/{@code else}, {@code with}, {@code end},
 * and the functions {@code index}, {@code len}, {@code printf "%s"/"%d"/"%v"}. Missing
 * fields print {@code <no value>}, as Go does for maps.
 */
public final class GoTemplate {
    private final List<Object> nodes;

    private GoTemplate(List<Object> nodes) {
        this.nodes = nodes;
    }

    private record Action(String expr) {
    }

    private record Block(String kind, String expr, List<Object> body, List<Object> orElse) {
    }

    public static GoTemplate parse(String template) {
        List<Object> tokens = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                tokens.add(template.substring(i));
                break;
            }
            int close = template.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("template: unclosed action");
            }
            String text = template.substring(i, open);
            String expr = template.substring(open + 2, close);
            if (expr.startsWith("-")) {
                text = text.stripTrailing();
                expr = expr.substring(1);
            }
            boolean trimNext = expr.endsWith("-");
            if (trimNext) {
                expr = expr.substring(0, expr.length() - 1);
            }
            if (!text.isEmpty()) {
                tokens.add(text);
            }
            tokens.add(new Action(expr.trim()));
            i = close + 2;
            if (trimNext) {
                while (i < template.length() && Character.isWhitespace(template.charAt(i))) {
                    i++;
                }
            }
        }
        int[] pos = {0};
        List<Object> nodes = block(tokens, pos);
        if (pos[0] < tokens.size()) {
            throw new IllegalArgumentException("template: unexpected {{" + ((Action) tokens.get(pos[0])).expr() + "}}");
        }
        return new GoTemplate(nodes);
    }

    private static List<Object> block(List<Object> tokens, int[] pos) {
        List<Object> out = new ArrayList<>();
        while (pos[0] < tokens.size()) {
            Object t = tokens.get(pos[0]);
            if (t instanceof Action a) {
                String e = a.expr();
                if (e.equals("end") || e.equals("else")) {
                    return out;
                }
                pos[0]++;
                String kind = e.split("\\s+", 2)[0];
                if (kind.equals("range") || kind.equals("if") || kind.equals("with")) {
                    List<Object> body = block(tokens, pos);
                    List<Object> orElse = List.of();
                    if (pos[0] < tokens.size() && ((Action) tokens.get(pos[0])).expr().equals("else")) {
                        pos[0]++;
                        orElse = block(tokens, pos);
                    }
                    if (pos[0] >= tokens.size()) {
                        throw new IllegalArgumentException("template: unexpected EOF");
                    }
                    pos[0]++; // end
                    out.add(new Block(kind, e.substring(kind.length()).trim(), body, orElse));
                } else {
                    out.add(a);
                }
            } else {
                out.add(t);
                pos[0]++;
            }
        }
        return out;
    }

    public String execute(JsonNode data) {
        StringBuilder sb = new StringBuilder();
        run(nodes, data, data, sb);
        return sb.toString();
    }

    private static void run(List<Object> nodes, JsonNode dot, JsonNode root, StringBuilder sb) {
        for (Object n : nodes) {
            if (n instanceof String s) {
                sb.append(s);
            } else if (n instanceof Action a) {
                if (!a.expr().startsWith("/*")) {
                    sb.append(print(eval(a.expr(), dot, root)));
                }
            } else if (n instanceof Block b) {
                JsonNode v = eval(b.expr(), dot, root);
                switch (b.kind()) {
                    case "range" -> {
                        if (truthy(v)) {
                            v.elements().forEachRemaining(e -> run(b.body(), e, root, sb));
                        } else {
                            run(b.orElse(), dot, root, sb);
                        }
                    }
                    case "if" -> run(truthy(v) ? b.body() : b.orElse(), dot, root, sb);
                    default -> {
                        if (truthy(v)) {
                            run(b.body(), v, root, sb);
                        } else {
                            run(b.orElse(), dot, root, sb);
                        }
                    }
                }
            }
        }
    }

    private static boolean truthy(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isContainerNode()) {
            return !v.isEmpty();
        }
        if (v.isTextual()) {
            return !v.asText().isEmpty();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.asDouble() != 0;
    }

    private static String print(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "<no value>";
        }
        if (v.isNull()) {
            return "<nil>";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isObject()) {
            List<String> keys = new ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            java.util.Collections.sort(keys);
            StringBuilder sb = new StringBuilder("map[");
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? " " : "").append(keys.get(i)).append(':').append(print(v.get(keys.get(i))));
            }
            return sb.append(']').toString();
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                sb.append(i > 0 ? " " : "").append(print(v.get(i)));
            }
            return sb.append(']').toString();
        }
        return GoJson.scalar(v);
    }

    private static JsonNode eval(String expr, JsonNode dot, JsonNode root) {
        List<String> args = words(expr);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("template: missing value for command");
        }
        String fn = args.get(0);
        switch (fn) {
            case "index" -> {
                JsonNode v = operand(args.get(1), dot, root);
                for (String k : args.subList(2, args.size())) {
                    JsonNode key = operand(k, dot, root);
                    v = v.isArray() ? v.path(key.asInt()) : v.path(key.asText());
                }
                return v;
            }
            case "len" -> {
                return IntNode.valueOf(operand(args.get(1), dot, root).size());
            }
            case "printf" -> {
                String format = operand(args.get(1), dot, root).asText();
                List<Object> values = new ArrayList<>();
                for (String a : args.subList(2, args.size())) {
                    values.add(print(operand(a, dot, root)));
                }
                return TextNode.valueOf(String.format(format.replace("%v", "%s").replace("%d", "%s").replace("%q", "\"%s\""), values.toArray()));
            }
            default -> {
                return operand(fn, dot, root);
            }
        }
    }

    private static JsonNode operand(String w, JsonNode dot, JsonNode root) {
        if (w.startsWith("\"") || w.startsWith("`")) {
            return TextNode.valueOf(unquote(w));
        }
        if (w.matches("-?[0-9]+")) {
            return IntNode.valueOf(Integer.parseInt(w));
        }
        JsonNode v;
        String path;
        if (w.startsWith("$")) {
            v = root;
            path = w.substring(1);
        } else if (w.startsWith(".")) {
            v = dot;
            path = w;
        } else {
            throw new IllegalArgumentException("template: function \"" + w + "\" not defined");
        }
        for (String part : path.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            v = v.isObject() ? v.path(part) : MissingNode.getInstance();
        }
        return v;
    }

    private static String unquote(String s) {
        if (s.startsWith("`")) {
            return s.substring(1, s.length() - 1);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char n = s.charAt(++i);
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

    private static List<String> words(String expr) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '`') {
                int j = i + 1;
                while (j < expr.length() && expr.charAt(j) != c) {
                    j += expr.charAt(j) == '\\' && c == '"' ? 2 : 1;
                }
                out.add(expr.substring(i, Math.min(j + 1, expr.length())));
                i = j + 1;
            } else {
                int j = i;
                while (j < expr.length() && !Character.isWhitespace(expr.charAt(j))) {
                    j++;
                }
                out.add(expr.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
