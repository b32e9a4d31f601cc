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

    /** A kubeconfig for {@code server}; with a CA and a client certificate when the server speaks TLS. */
    static ObjectNode forServer(String server, String caPem, io.skiff.api.pki.KeyAndCert client) {
        ObjectNode cfg = Json.object().put("apiVersion", "v1").put("kind", "Config");
        ObjectNode cluster = cfg.putArray("clusters").addObject().put("name", NAME).putObject("cluster").put("server", server);
        ObjectNode user = cfg.putArray("users").addObject().put("name", NAME).putObject("user");
        if (caPem != null) {
            cluster.put("certificate-authority-data", base64(caPem));
        }
        if (client != null) {
            user.put("client-certificate-data", base64(client.certPem())).put("client-key-data", base64(client.keyPem()));
        }
        cfg.putArray("contexts").addObject().put("name", NAME).putObject("context").put("cluster", NAME).put("user", NAME);
        cfg.put("current-context", NAME);
        cfg.putObject("preferences");
        return cfg;
    }

    /** Written 0600: it holds the admin's private key. */
    static void write(Path file, ObjectNode cfg) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, Json.YAML.writeValueAsBytes(cfg));
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    private static String base64(String pem) {
        return java.util.Base64.getEncoder().encodeToString(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
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
