package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code kubectl explain TYPE[.FIELD…]} from the server's OpenAPI v3 document of the
 * resource's group version: kind, version, the field's type, description and sub-fields.
 */
@Command(name = "explain", description = "Get documentation for a resource.")
public final class ExplainCommand extends SessionCommand {
    private static final int WIDTH = 76;
    @Parameters(index = "0", paramLabel = "TYPE[.FIELD…]")
    String path;
    @Option(names = "--api-version", description = "Use given api-version (group/version) of the resource.")
    String apiVersion;
    @Option(names = "--recursive", description = "When true, print the name of all the fields recursively.")
    boolean recursive;

    private JsonNode schemas;

    public ExplainCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() {
        String[] parts = path.split("\\.");
        ApiResource r;
        try {
            r = s.discovery().resolve(parts[0]);
        } catch (io.skiff.kubectl.discovery.UnknownResourceException e) {
            throw KubectlException.raw(e.getMessage());
        }
        String gv = apiVersion != null ? apiVersion : r.groupVersion();
        String key = gv.contains("/") ? "apis/" + gv : "api/" + gv;
        JsonNode root = s.client().get("/openapi/v3?timeout=32s");
        String url = root.path("paths").path(key).path("serverRelativeURL").asText(null);
        if (url == null) {
            throw new KubectlException("couldn't find resource for \"" + r.qualified() + "\"");
        }
        JsonNode doc = s.client().get(url);
        schemas = doc.path("components").path("schemas");
        JsonNode schema = kindSchema(schemas, r, gv);
        String fieldLine = null;
        String description = text(schema);
        for (int i = 1; i < parts.length; i++) {
            JsonNode field = schema.path("properties").path(parts[i]);
            if (field.isMissingNode()) {
                s.out.print(header(r, gv));
                throw new KubectlException("field \"" + parts[i] + "\" does not exist");
            }
            fieldLine = "FIELD: " + parts[i] + " <" + type(field) + ">";
            JsonNode target = deref(schemas, field.has("items") ? field.path("items") : field);
            description = text(field);
            if (target != field && !text(target).isEmpty()) {
                description = description.isEmpty() ? text(target) : description + "\n" + text(target);
            }
            schema = target;
        }
        StringBuilder sb = new StringBuilder(header(r, gv));
        if (fieldLine != null) {
            sb.append(fieldLine).append("\n\n\n");
        }
        sb.append("DESCRIPTION:\n");
        sb.append(indent(description.isEmpty() ? "<empty>" : description, 4)).append("    \n");
        JsonNode props = schema.path("properties");
        if (props.isObject() && !props.isEmpty()) {
            sb.append("FIELDS:\n");
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(n -> required.add(n.asText()));
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            props.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            if (recursive) {
                fields(sb, schemas, schema, 1, 0);
            } else {
                sorted.forEach((name, f) -> {
                    sb.append("  ").append(name).append('\t').append('<').append(type(f)).append('>');
                    if (required.contains(name)) {
                        sb.append(" -required-");
                    }
                    sb.append('\n');
                    String d = text(f);
                    sb.append(indent(d.isEmpty() ? "<no description>" : d, 4)).append('\n');
                });
            }
        }
        sb.append('\n');
        s.out.print(sb);
        return 0;
    }

    private static String header(ApiResource r, String gv) {
        StringBuilder sb = new StringBuilder();
        if (gv.contains("/")) {
            sb.append("GROUP:      ").append(gv, 0, gv.indexOf('/')).append('\n');
        }
        sb.append("KIND:       ").append(r.kind()).append('\n');
        sb.append("VERSION:    ").append(gv.substring(gv.indexOf('/') + 1)).append("\n\n");
        return sb.toString();
    }

    private void fields(StringBuilder sb, JsonNode schemas, JsonNode schema, int depth, int guard) {
        if (guard > 15) {
            return;
        }
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        schema.path("properties").fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((name, f) -> {
            sb.append("  ".repeat(depth)).append(name).append('\t').append('<').append(type(f)).append(">\n");
            JsonNode t = deref(schemas, f.has("items") ? f.path("items") : f);
            if (t != f && t.has("properties")) {
                fields(sb, schemas, t, depth + 1, guard + 1);
            }
        });
    }

    private static JsonNode kindSchema(JsonNode schemas, ApiResource r, String gv) {
        String group = gv.contains("/") ? gv.substring(0, gv.indexOf('/')) : "";
        String version = gv.substring(gv.indexOf('/') + 1);
        var it = schemas.fields();
        while (it.hasNext()) {
            var e = it.next();
            for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
                if (gvk.path("group").asText().equals(group) && gvk.path("version").asText().equals(version)
                        && gvk.path("kind").asText().equals(r.kind())) {
                    return e.getValue();
                }
            }
        }
        throw new KubectlException("couldn't find resource for \"" + r.qualified() + "\"");
    }

    private static JsonNode deref(JsonNode schemas, JsonNode n) {
        String ref = ref(n);
        if (ref == null) {
            return n;
        }
        return schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static String ref(JsonNode n) {
        if (n.has("$ref")) {
            return n.get("$ref").asText();
        }
        if (n.path("allOf").size() > 0 && n.path("allOf").path(0).has("$ref")) {
            return n.path("allOf").path(0).path("$ref").asText();
        }
        return null;
    }

    /** A reference to a primitive schema (Time, MicroTime) reads as the primitive, as kubectl shows it. */
    private String type(JsonNode f) {
        String ref = ref(f);
        if (ref != null) {
            JsonNode target = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            String t = target.path("type").asText("");
            if (!t.isEmpty() && !t.equals("object") && !t.equals("array")) {
                return t;
            }
            return ref.substring(ref.lastIndexOf('.') + 1);
        }
        if (f.path("x-kubernetes-int-or-string").asBoolean(false)) {
            return "IntOrString";
        }
        String t = f.path("type").asText("");
        if (t.equals("array")) {
            return "[]" + type(f.path("items"));
        }
        if (t.equals("object")) {
            if (f.has("additionalProperties") && f.get("additionalProperties").isObject()) {
                return "map[string]" + type(f.get("additionalProperties"));
            }
            return "Object";
        }
        return t.isEmpty() ? "Object" : t;
    }

    private static String text(JsonNode n) {
        return n.path("description").asText("");
    }

    /**
     * Greedy word wrap at 76 columns per paragraph (spaces between words kept, dropped at a
     * break, as go-wordwrap does), then an indent, as kubectl's template does.
     */
    static String indent(String text, int spaces) {
        StringBuilder sb = new StringBuilder();
        String pad = " ".repeat(spaces);
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("( *)([^ ]+)").matcher(para);
            while (m.find()) {
                String gap = m.group(1);
                String word = m.group(2);
                if (line.length() > 0 && line.length() + gap.length() + word.length() > WIDTH) {
                    sb.append(pad).append(line).append('\n');
                    line.setLength(0);
                    gap = "";
                }
                line.append(line.length() == 0 ? "" : gap).append(word);
            }
            sb.append(pad).append(line).append('\n');
        }
        return sb.toString();
    }
}
