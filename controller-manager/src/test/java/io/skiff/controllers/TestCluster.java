package io.skiff.controllers;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.client.KubeClients;
import io.skiff.store.Store;
import io.skiff.store.Stores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** An in-process API server on SQLite in a temporary directory, a fabric8 client, and helpers to wait. */
final class TestCluster implements AutoCloseable {
    private final Path dir;
    private final Store store;
    final ApiServer server;
    final KubernetesClient client;

    TestCluster() throws Exception {
        dir = Files.createTempDirectory("skiff-controllers");
        store = Stores.open("sqlite", dir);
        server = new ApiServer(ApiServerConfig.defaults().withPort(0), store).start();
        client = KubeClients.fromUrl(url());
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Polls until the condition holds, or fails with the message. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // the state is still forming (e.g. an object not created yet): keep polling
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
        fail("timed out after " + timeout.toSeconds() + "s waiting for " + what);
    }

    /**
     * Runs a client write, again on 409. Skiff's API server currently answers a patch with 409
     * when the object changed between its read and write (it treats the resourceVersion the
     * patched copy inherits as the client's), where Kubernetes retries server-side; controllers
     * writing status make that frequent. Remove once the API server retries patches.
     */
    static void retryOnConflict(Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close();
        store.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
