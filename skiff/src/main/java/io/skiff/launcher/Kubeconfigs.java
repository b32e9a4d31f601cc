package io.skiff.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes Skiff's kubeconfig and merges its cluster, user and context into the user's, as kind does. */
final class Kubeconfigs {
    static final String NAME = "skiff";

    private Kubeconfigs() {
    }

    static ObjectNode forServer(String server) {
        ObjectNode cfg = Json.object().put("apiVersion", "v1").put("kind", "Config");
        cfg.putArray("clusters").addObject().put("name", NAME).putObject("cluster").put("server", server);
        cfg.putArray("users").addObject().put("name", NAME).putObject("user");
        cfg.putArray("contexts").addObject().put("name", NAME).putObject("context").put("cluster", NAME).put("user", NAME);
        cfg.put("current-context", NAME);
        cfg.putObject("preferences");
        return cfg;
    }

    static void write(Path file, ObjectNode cfg) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, Json.YAML.writeValueAsBytes(cfg));
    }

    /** Replaces any existing "skiff" entries of {@code target} and makes skiff the current context. */
    static void merge(Path target, ObjectNode ours) throws IOException {
        ObjectNode cfg = Files.exists(target) && Files.size(target) > 0
                ? (ObjectNode) Json.YAML.readTree(target.toFile()) : Json.object().put("apiVersion", "v1").put("kind", "Config");
        for (String section : new String[] {"clusters", "users", "contexts"}) {
            ArrayNode merged = Json.MAPPER.createArrayNode();
            for (JsonNode entry : cfg.path(section)) {
                if (!NAME.equals(entry.path("name").asText())) {
                    merged.add(entry);
                }
            }
            ours.path(section).forEach(merged::add);
            cfg.set(section, merged);
        }
        cfg.put("current-context", NAME);
        write(target, cfg);
    }

    /** kubectl's own rule: the first file of $KUBECONFIG, else ~/.kube/config. */
    static Path userKubeconfig() {
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isEmpty()) {
            return Path.of(env.split(java.io.File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }
}
