package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The objects of {@code -f FILE|DIR|-}: YAML (several documents) or JSON, a directory's
 * {@code .yaml}, {@code .yml} and {@code .json} files in name order, {@code kind: List} expanded.
 */
public final class Manifests {
    /** One object and the file it came from. */
    public record Doc(String source, ObjectNode object) {
    }

    private Manifests() {
    }

    public static List<Doc> read(Session s, List<String> files, boolean recursive) {
        if (files == null || files.isEmpty()) {
            throw new KubectlException("must specify one of -f and -k");
        }
        List<Doc> out = new ArrayList<>();
        for (String f : files) {
            if (f.equals("-")) {
                try {
                    parse("STDIN", new String(s.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), out);
                } catch (IOException e) {
                    throw new KubectlException(e.getMessage());
                }
                continue;
            }
            Path p = Path.of(f);
            if (!Files.exists(p)) {
                throw new KubectlException("the path \"" + f + "\" does not exist");
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = recursive ? Files.walk(p) : Files.list(p)) {
                    List<Path> found = walk.filter(Files::isRegularFile)
                            .filter(x -> x.toString().matches(".*\\.(yaml|yml|json)$")).sorted().toList();
                    for (Path x : found) {
                        parse(x.toString(), Files.readString(x), out);
                    }
                } catch (IOException e) {
                    throw new KubectlException(e.getMessage());
                }
            } else {
                try {
                    parse(f, Files.readString(p), out);
                } catch (IOException e) {
                    throw new KubectlException(e.getMessage());
                }
            }
        }
        if (out.isEmpty()) {
            throw new KubectlException("no objects passed to " + "apply");
        }
        return out;
    }

    static void parse(String source, String text, List<Doc> out) {
        try (MappingIterator<JsonNode> it = Codec.yaml().readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n == null || n.isNull() || n.isMissingNode() || (n.isObject() && n.isEmpty())) {
                    continue;
                }
                if (!(n instanceof ObjectNode o)) {
                    throw new KubectlException("error parsing " + source + ": not an object");
                }
                if (o.path("kind").asText().endsWith("List") && o.path("items").isArray()) {
                    for (JsonNode item : o.get("items")) {
                        out.add(new Doc(source, (ObjectNode) item));
                    }
                    continue;
                }
                if (!o.hasNonNull("kind") || !o.hasNonNull("apiVersion")) {
                    String missing = !o.hasNonNull("apiVersion") ? "apiVersion" : "kind";
                    throw new KubectlException("error validating \"" + source + "\": error validating data: " + missing
                            + " not set; if you choose to ignore these errors, turn validation off with --validate=false");
                }
                out.add(new Doc(source, o));
            }
        } catch (IOException e) {
            throw new KubectlException("error parsing " + source + ": " + e.getMessage());
        }
    }
}
