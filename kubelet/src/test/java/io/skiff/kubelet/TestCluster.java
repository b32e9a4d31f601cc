package io.skiff.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.store.Store;
import io.skiff.store.Stores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/** An in-process API server on a random loopback port, with a fabric8 client, for kubelet tests. */
final class TestCluster implements AutoCloseable {
    final Path dir;
    final Store store;
    final ApiServer server;
    final KubernetesClient client;

    private TestCluster(Path dir, Store store, ApiServer server, KubernetesClient client) {
        this.dir = dir;
        this.store = store;
        this.server = server;
        this.client = client;
    }

    static TestCluster start() throws Exception {
        Path dir = Files.createTempDirectory("skiff-kubelet-test");
        Store store = Stores.open("sqlite", dir);
        ApiServer server = new ApiServer(ApiServerConfig.defaults().withPort(0), store).start();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + server.port()).withRequestRetryBackoffLimit(0).build()).build();
        return new TestCluster(dir, store, server, client);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Polls the pod until the condition holds; fails with the pod's last state otherwise. */
    Pod await(String ns, String name, Duration timeout, String what, Predicate<Pod> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Pod p = null;
        while (System.nanoTime() < deadline) {
            p = client.pods().inNamespace(ns).withName(name).get();
            if (p != null && condition.test(p)) {
                return p;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pod " + ns + "/" + name + " never " + what + "; last seen: "
                + (p == null ? "gone" : io.fabric8.kubernetes.client.utils.Serialization.asYaml(p.getStatus())));
    }

    void awaitGone(String ns, String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (client.pods().inNamespace(ns).withName(name).get() == null) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pod " + ns + "/" + name + " still exists after " + timeout);
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close();
        store.close();
        new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
    }
}
