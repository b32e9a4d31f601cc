package io.skiff.kubectl.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Where and how to reach the API server: the current context's cluster and user, overridden
 * by the command line ({@code --context}, {@code --server}, {@code --token}, {@code -n}, …).
 * PEM material is held as bytes; a file path is read relative to nothing (kubectl resolves
 * relative paths against the kubeconfig's directory, which {@link #resolve} does).
 */
public record RestConfig(String server, String namespace, String token, String username, String password,
                         byte[] caPem, byte[] clientCertPem, byte[] clientKeyPem, boolean insecure,
                         String tlsServerName, String contextName) {

    /** The overrides a command line may carry; null fields are absent. */
    public record Overrides(String context, String cluster, String user, String server, String token,
                            String namespace, String certificateAuthority, String clientCertificate,
                            String clientKey, Boolean insecureSkipTlsVerify, String tlsServerName,
                            String username, String password) {
    }

    public static RestConfig resolve(Kubeconfig kc, Overrides o) {
        String contextName = o.context() != null ? o.context() : kc.currentContext();
        ObjectNode ctx = contextName.isEmpty() ? null : kc.entry("contexts", contextName);
        if (o.context() != null && ctx == null) {
            throw new KubeconfigException("context was not found for specified context: " + o.context());
        }
        String clusterName = o.cluster() != null ? o.cluster() : ctx == null ? "" : ctx.path("cluster").asText("");
        String userName = o.user() != null ? o.user() : ctx == null ? "" : ctx.path("user").asText("");
        ObjectNode cluster = clusterName.isEmpty() ? null : kc.entry("clusters", clusterName);
        if (o.cluster() != null && cluster == null) {
            throw new KubeconfigException("cluster \"" + o.cluster() + "\" does not exist");
        }
        ObjectNode user = userName.isEmpty() ? null : kc.entry("users", userName);
        String server = o.server() != null ? o.server() : cluster == null ? "" : cluster.path("server").asText("");
        if (server.isEmpty()) {
            throw new KubeconfigException("The connection to the server localhost:8080 was refused - did you specify the right host or port?");
        }
        String namespace = o.namespace() != null && !o.namespace().isEmpty() ? o.namespace()
                : ctx == null || ctx.path("namespace").asText("").isEmpty() ? "default" : ctx.path("namespace").asText();
        String token = o.token() != null ? o.token() : user == null ? null : text(user, "token");
        if (token == null && user != null && user.hasNonNull("tokenFile")) {
            token = readString(user.get("tokenFile").asText()).trim();
        }
        return new RestConfig(server.replaceAll("/+$", ""), namespace, token,
                o.username() != null ? o.username() : user == null ? null : text(user, "username"),
                o.password() != null ? o.password() : user == null ? null : text(user, "password"),
                material(o.certificateAuthority(), cluster, "certificate-authority"),
                material(o.clientCertificate(), user, "client-certificate"),
                material(o.clientKey(), user, "client-key"),
                o.insecureSkipTlsVerify() != null ? o.insecureSkipTlsVerify() : cluster != null && cluster.path("insecure-skip-tls-verify").asBoolean(false),
                o.tlsServerName() != null ? o.tlsServerName() : cluster == null ? null : text(cluster, "tls-server-name"),
                contextName);
    }

    /** {@code <field>-data} (base64) or {@code <field>} (a file), a command-line file first. */
    private static byte[] material(String flagFile, ObjectNode node, String field) {
        if (flagFile != null) {
            return readBytes(flagFile);
        }
        if (node == null) {
            return null;
        }
        if (node.hasNonNull(field + "-data")) {
            return Base64.getMimeDecoder().decode(node.get(field + "-data").asText());
        }
        return node.hasNonNull(field) ? readBytes(node.get(field).asText()) : null;
    }

    private static String text(ObjectNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static byte[] readBytes(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new KubeconfigException("unable to read " + file + ": " + e.getMessage());
        }
    }

    private static String readString(String file) {
        return new String(readBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    }
}
