package io.skiff.kubectl.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kubeconfig files in force, merged as kubectl merges them: the first file that names a
 * cluster, user or context wins, and the first non-empty {@code current-context} wins.
 * Writes go back to the file that owns what is changed.
 */
public final class Kubeconfig {
    private final List<Path> files;
    private final List<ObjectNode> docs;

    private Kubeconfig(List<Path> files, List<ObjectNode> docs) {
        this.files = files;
        this.docs = docs;
    }

    /** {@code --kubeconfig}, else {@code $KUBECONFIG} (several files), else {@code ~/.kube/config}. */
    public static Kubeconfig load(String explicit, Map<String, String> env) {
        List<Path> files = new ArrayList<>();
        if (explicit != null && !explicit.isEmpty()) {
            files.add(Path.of(explicit));
        } else if (env.get("KUBECONFIG") != null && !env.get("KUBECONFIG").isEmpty()) {
            for (String f : env.get("KUBECONFIG").split(java.io.File.pathSeparator)) {
                if (!f.isEmpty() && !files.contains(Path.of(f))) {
                    files.add(Path.of(f));
                }
            }
        } else {
            files.add(Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".kube", "config"));
        }
        List<ObjectNode> docs = new ArrayList<>();
        for (Path f : files) {
            docs.add(read(f, explicit != null && !explicit.isEmpty()));
        }
        return new Kubeconfig(files, docs);
    }

    private static ObjectNode read(Path file, boolean mustExist) {
        if (!Files.exists(file)) {
            if (mustExist) {
                throw new KubeconfigException("stat " + file + ": no such file or directory");
            }
            return Codec.object();
        }
        try {
            JsonNode n = Codec.yaml().readTree(file.toFile());
            return n instanceof ObjectNode o ? o : Codec.object();
        } catch (IOException e) {
            throw new KubeconfigException("error loading config file \"" + file + "\": " + e.getMessage());
        }
    }

    public String currentContext() {
        for (ObjectNode d : docs) {
            String c = d.path("current-context").asText("");
            if (!c.isEmpty()) {
                return c;
            }
        }
        return "";
    }

    /** The named entry's body ("cluster", "user" or "context" object), or null. */
    public ObjectNode entry(String section, String name) {
        for (ObjectNode d : docs) {
            for (JsonNode e : d.path(section)) {
                if (name.equals(e.path("name").asText())) {
                    JsonNode body = e.path(singular(section));
                    return body instanceof ObjectNode o ? o : Codec.object();
                }
            }
        }
        return null;
    }

    /** Every entry of a section, first definition of each name only, in file order. */
    public List<ObjectNode> entries(String section) {
        List<ObjectNode> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (ObjectNode d : docs) {
            for (JsonNode e : d.path(section)) {
                String name = e.path("name").asText();
                if (e instanceof ObjectNode o && !seen.contains(name)) {
                    seen.add(name);
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** The merged document {@code kubectl config view} prints. */
    public ObjectNode merged() {
        ObjectNode m = Codec.object();
        m.put("apiVersion", "v1");
        for (String s : List.of("clusters", "contexts")) {
            ArrayNode a = m.putArray(s);
            entries(s).forEach(a::add);
        }
        m.put("current-context", currentContext());
        m.put("kind", "Config");
        m.putObject("preferences");
        ArrayNode users = m.putArray("users");
        entries("users").forEach(users::add);
        return m;
    }

    public void setCurrentContext(String name) throws IOException {
        int owner = 0;
        for (int i = 0; i < docs.size(); i++) {
            if (!docs.get(i).path("current-context").asText("").isEmpty()) {
                owner = i;
                break;
            }
        }
        docs.get(owner).put("current-context", name);
        save(owner);
    }

    /** Sets fields of a context, creating it in the first file when no file has it. */
    public void updateContext(String name, Map<String, String> fields) throws IOException {
        for (int i = 0; i < docs.size(); i++) {
            for (JsonNode e : docs.get(i).path("contexts")) {
                if (name.equals(e.path("name").asText())) {
                    ObjectNode ctx = ((ObjectNode) e).with("context");
                    fields.forEach(ctx::put);
                    save(i);
                    return;
                }
            }
        }
        ObjectNode d = docs.get(0);
        ArrayNode contexts = d.has("contexts") && d.get("contexts").isArray() ? (ArrayNode) d.get("contexts") : d.putArray("contexts");
        ObjectNode e = contexts.addObject();
        e.put("name", name);
        ObjectNode ctx = e.putObject("context");
        fields.forEach(ctx::put);
        save(0);
    }

    private void save(int i) throws IOException {
        ObjectNode d = docs.get(i);
        if (!d.has("apiVersion")) {
            d.put("apiVersion", "v1");
            d.put("kind", "Config");
        }
        Path f = files.get(i);
        if (f.getParent() != null) {
            Files.createDirectories(f.getParent());
        }
        Files.write(f, Codec.yaml().writeValueAsBytes(d));
    }

    public List<Path> files() {
        return files;
    }

    static String singular(String section) {
        return section.substring(0, section.length() - 1);
    }
}
