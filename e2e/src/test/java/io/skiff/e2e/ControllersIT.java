package io.skiff.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deployments driven by the real kubectl: create, rollout status, set image, history, undo,
 * scale, pause/resume, restart, delete. Needs the controller manager running inside
 * {@code skiff server}. With no kubelet in this test, a hollow-kubelet loop marks the pods of
 * its namespace Running and Ready through their /status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControllersIT {
    private static final String NS = "rollout";
    private final ObjectMapper json = new ObjectMapper();
    private HttpClient http;
    private final ScheduledExecutorService kubelet = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger nextIp = new AtomicInteger(1);
    private Cluster cluster;

    @BeforeAll
    void up() throws Exception {
        cluster = Cluster.up();
        http = cluster.adminHttp();
        k("create", "namespace", NS).ok();
        kubelet.scheduleWithFixedDelay(this::startPendingPods, 0, 200, TimeUnit.MILLISECONDS);
    }

    @AfterAll
    void down() throws Exception {
        kubelet.shutdownNow();
        if (cluster != null) {
            cluster.close();
        }
    }

    private Cluster.Result k(String... args) throws Exception {
        return cluster.kubectl(args);
    }

    /** The hollow kubelet: every pod of the namespace without an IP gets one, and Ready. */
    private void startPendingPods() {
        try {
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(cluster.server() + "/api/v1/namespaces/" + NS + "/pods"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode pod : json.readTree(list.body()).path("items")) {
                if (pod.path("status").has("podIP") || pod.path("metadata").has("deletionTimestamp")) {
                    continue;
                }
                int n = nextIp.getAndIncrement();
                String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
                String patch = "{\"status\":{\"phase\":\"Running\",\"podIP\":\"10.244.0." + n + "\",\"conditions\":[{\"type\":\"Ready\","
                        + "\"status\":\"True\",\"lastTransitionTime\":\"" + now + "\"}]}}";
                http.send(HttpRequest.newBuilder(URI.create(cluster.server() + "/api/v1/namespaces/" + NS + "/pods/"
                                + pod.path("metadata").path("name").asText() + "/status"))
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (Exception e) {
            System.err.println("hollow kubelet: " + e);
        }
    }

    private void rolledOut() throws Exception {
        String out = k("rollout", "status", "deployment/web", "-n", NS, "--timeout=60s").ok().out();
        assertTrue(out.endsWith("deployment \"web\" successfully rolled out\n"), out);
    }

    private String image() throws Exception {
        return k("get", "deployment", "web", "-n", NS, "-o", "jsonpath={.spec.template.spec.containers[0].image}").ok().out();
    }

    private int pods() throws Exception {
        String out = k("get", "pods", "-n", NS, "-l", "app=web", "--no-headers").ok().out();
        return out.isBlank() ? 0 : out.strip().split("\n").length;
    }

    @Test
    void aDeploymentRollsOutUpdatesUndoesScalesAndIsDeletedWithKubectl() throws Exception {
        assertEquals("deployment.apps/web created\n",
                k("create", "deployment", "web", "--image=nginx:1.27", "--replicas=3", "-n", NS).ok().out());
        rolledOut();
        assertEquals(3, pods());
        String rs = k("get", "rs", "-n", NS, "-l", "app=web", "-o", "jsonpath={.items[0].metadata.name}").ok().out();
        assertTrue(rs.matches("web-[bcdfghjklmnpqrstvwxz2456789]+"), rs);

        assertEquals("deployment.apps/web image updated\n", k("set", "image", "deployment/web", "nginx=nginx:1.28", "-n", NS).ok().out());
        rolledOut();
        assertEquals("nginx:1.28", image());
        String history = k("rollout", "history", "deployment/web", "-n", NS).ok().out();
        assertTrue(history.contains("\n1 ") && history.contains("\n2 "), history);

        assertEquals("deployment.apps/web rolled back\n", k("rollout", "undo", "deployment/web", "-n", NS).ok().out());
        rolledOut();
        assertEquals("nginx:1.27", image());
        assertEquals("3", k("get", "deployment", "web", "-n", NS, "-o",
                "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}").ok().out());

        k("scale", "deployment", "web", "--replicas=5", "-n", NS).ok();
        rolledOut();
        assertEquals(5, pods());

        assertEquals("deployment.apps/web paused\n", k("rollout", "pause", "deployment/web", "-n", NS).ok().out());
        k("set", "image", "deployment/web", "nginx=nginx:1.29", "-n", NS).ok();
        assertEquals("deployment.apps/web resumed\n", k("rollout", "resume", "deployment/web", "-n", NS).ok().out());
        rolledOut();
        assertEquals("deployment.apps/web restarted\n", k("rollout", "restart", "deployment/web", "-n", NS).ok().out());
        rolledOut();
        assertEquals(5, pods());

        k("delete", "deployment", "web", "-n", NS).ok();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && (pods() > 0
                || !k("get", "rs", "-n", NS, "--no-headers").ok().out().isBlank())) {
            Thread.sleep(200);
        }
        assertEquals(0, pods());
        assertEquals("", k("get", "rs", "-n", NS, "--no-headers").ok().out().strip());
    }
}
