package io.skiff.launcher;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.skiff.client.KubeClients;
import io.skiff.api.pki.KeyAndCert;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Clients for the components that run in the server's JVM (scheduler, controller manager):
 * they talk to the API server like any other client, over TLS with a certificate of their own.
 */
final class ComponentClients {
    private ComponentClients() {
    }

    /** @param pki null for an insecure (plain HTTP, loopback) server */
    static KubernetesClient forComponent(int port, ClusterPki pki, String user) {
        ConfigBuilder cfg = new ConfigBuilder().withRequestRetryBackoffLimit(3);
        if (pki == null) {
            cfg.withMasterUrl("http://127.0.0.1:" + port);
        } else {
            KeyAndCert cert = pki.ca().issueClient(user, List.of());
            cfg.withMasterUrl("https://127.0.0.1:" + port)
                    .withCaCertData(b64(KeyAndCert.pemOf(pki.ca().certificate())))
                    .withClientCertData(b64(cert.certPem()))
                    .withClientKeyData(b64(cert.keyPem()))
                    .withClientKeyAlgo("EC");
        }
        return KubeClients.fromConfig(cfg.build());
    }

    private static String b64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
