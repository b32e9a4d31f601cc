package io.skiff.scheduler.testing;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
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
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A real API server on SQLite in a temporary directory, with hollow nodes: Node objects and nothing behind them. */
public final class TestCluster implements AutoCloseable {
    private final Path dir;
    private final Store store;
    private final ApiServer server;
    public final KubernetesClient client;

    public TestCluster() throws Exception {
        dir = Files.createTempDirectory("skiff-scheduler-it");
        store = Stores.open("sqlite", dir);
        server = new ApiServer(ApiServerConfig.defaults().withPort(0), store).start();
        client = newClient();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A client of its own, e.g. one per scheduler so that one can be cut off. */
    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(url()).build()).build();
    }

    /** Creates the node with its status (capacity, allocatable, Ready), as a kubelet would register it. */
    public Node createNode(Node node) {
        Node created = client.nodes().resource(node).create();
        if (created.getStatus() == null || created.getStatus().getAllocatable() == null || created.getStatus().getAllocatable().isEmpty()) {
            created.setStatus(node.getStatus());
            created = client.nodes().resource(created).updateStatus();
        }
        return created;
    }

    public Pod createPod(Pod pod) {
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    public String nodeNameOf(String ns, String pod) {
        Pod p = client.pods().inNamespace(ns).withName(pod).get();
        return p == null ? null : p.getSpec().getNodeName();
    }

    /** Waits until the pod is bound and returns its node. */
    public String awaitBound(String ns, String pod, Duration timeout) {
        await(() -> nodeNameOf(ns, pod) != null, timeout, "pod " + ns + "/" + pod + " bound");
        return nodeNameOf(ns, pod);
    }

    public List<Event> eventsFor(String ns, String pod, String reason) {
        return client.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> pod.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason())).toList();
    }

    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
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

    public static final Duration TIMEOUT = Duration.ofSeconds(20);
}
