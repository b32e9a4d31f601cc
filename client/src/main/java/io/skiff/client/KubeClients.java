package io.skiff.client;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** fabric8 clients for components: from a kubeconfig file, or straight from an API server URL. */
public final class KubeClients {
    private KubeClients() {
    }

    /** A client for the current context of the kubeconfig at {@code path}. */
    public static KubernetesClient fromKubeconfig(Path path) {
        try {
            Config config = Config.fromKubeconfig(null, Files.readString(path), path.toString());
            return build(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kubeconfig " + path, e);
        }
    }

    /** A client for an API server that needs no credentials (loopback, plain HTTP). */
    public static KubernetesClient fromUrl(String url) {
        return build(new ConfigBuilder().withMasterUrl(url).withTrustCerts(true).build());
    }

    private static KubernetesClient build(Config config) {
        // Components retry through their work queues; the client should report failures at once.
        config.setRequestRetryBackoffLimit(0);
        return fromConfig(config);
    }

    /** A client for {@code config} as given (retries included), on the JDK HTTP client. */
    public static KubernetesClient fromConfig(Config config) {
        // the JDK HTTP client, explicitly: fabric8 also brings Vert.x and would otherwise pick one at random
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()).build();
    }
}
