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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Desired state kept through a node failure, with the real kubectl against {@code bin/skiff up}
 * (scheduler and controller manager inside, node grace period and eviction timeout lowered):
 * three hollow nodes heartbeat through Leases and "run" the pods bound to them; a Deployment of
 * five spreads over all three; one node stops heartbeating, turns NotReady, and its pods are
 * evicted and running again on the other two — never more than five live replicas at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeFailureIT {
    private static final String NS = "failover";
    private static final String[] NODES = {"node-1", "node-2", "node-3"};
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService hollow = Executors.newScheduledThreadPool(2);
    private final Set<String> dead = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextIp = new AtomicInteger(10);
    private final AtomicInteger maxLive = new AtomicInteger();
    private Cluster cluster;
    private HttpClient http;

    @BeforeAll
    void up() throws Exception {
        cluster = Cluster.up("--node-monitor-grace-period", "8", "--pod-eviction-timeout", "4");
        http = cluster.adminHttp();
        for (String node : NODES) {
            send("POST", "/api/v1/nodes", "application/json", """
                    {"apiVersion":"v1","kind":"Node","metadata":{"name":"%s","labels":{"kubernetes.io/hostname":"%s"}},
                     "status":{"capacity":{"cpu":"4","memory":"8Gi","pods":"110"},"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"},
                     "conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"hollow","lastHeartbeatTime":"%s","lastTransitionTime":"%s"}]}}
                    """.formatted(node, node, now(), now()));
            send("POST", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases", "application/json", """
                    {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"%s"},
                     "spec":{"holderIdentity":"%s","leaseDurationSeconds":8,"renewTime":"%s"}}
                    """.formatted(node, node, microNow()));
        }
        hollow.scheduleWithFixedDelay(this::heartbeat, 1, 1, TimeUnit.SECONDS);
        hollow.scheduleWithFixedDelay(this::runPods, 0, 300, TimeUnit.MILLISECONDS);
        cluster.kubectl("create", "namespace", NS).ok();
    }

    @AfterAll
    void down() throws Exception {
        hollow.shutdownNow();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void podsOfADeadNodeComeBackOnTheOthers() throws Exception {
        cluster.kubectl("create", "deployment", "web", "--image=nginx", "--replicas=5", "-n", NS).ok();
        Map<String, Integer> spread = waitForRunning(5, Set.of(), 60);
        assertEquals(3, spread.size(), "five replicas spread over the three nodes: " + spread);

        String victim = "node-3";
        dead.add(victim);
        long deadline = System.currentTimeMillis() + 60_000;
        String ready = "";
        while (System.currentTimeMillis() < deadline && !ready.equals("Unknown")) {
            ready = cluster.kubectl("get", "node", victim, "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}").ok().out();
            Thread.sleep(500);
        }
        assertEquals("Unknown", ready, "a node that stops heartbeating is no longer Ready");
        assertTrue(cluster.kubectl("get", "node", victim).ok().out().contains("NotReady"));
        String taints = cluster.kubectl("get", "node", victim, "-o", "jsonpath={.spec.taints[*].key}").ok().out();
        assertTrue(taints.contains("node.kubernetes.io/unreachable"), taints);

        Map<String, Integer> after = waitForRunning(5, Set.of(victim), 90);
        assertEquals(5, after.values().stream().mapToInt(Integer::intValue).sum(), "five running again: " + after);
        assertTrue(!after.containsKey(victim), "none on the dead node: " + after);
        assertTrue(maxLive.get() <= 5, "never more than the desired replicas alive at once (a ReplicaSet does not surge): " + maxLive.get());
    }

    /** Waits until {@code n} pods run on live nodes; returns how many run on each. */
    private Map<String, Integer> waitForRunning(int n, Set<String> excluded, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        Map<String, Integer> perNode = new HashMap<>();
        while (System.currentTimeMillis() < deadline) {
            perNode.clear();
            for (JsonNode pod : pods()) {
                String node = pod.path("spec").path("nodeName").asText("");
                if ("Running".equals(pod.path("status").path("phase").asText()) && !pod.path("metadata").has("deletionTimestamp")
                        && !excluded.contains(node)) {
                    perNode.merge(node, 1, Integer::sum);
                }
            }
            if (perNode.values().stream().mapToInt(Integer::intValue).sum() == n) {
                return perNode;
            }
            Thread.sleep(500);
        }
        return perNode;
    }

    /** Live nodes renew their Lease; a dead one stops. */
    private void heartbeat() {
        for (String node : NODES) {
            if (dead.contains(node)) {
                continue;
            }
            try {
                send("PATCH", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/" + node, "application/merge-patch+json",
                        "{\"spec\":{\"renewTime\":\"" + microNow() + "\"}}");
            } catch (Exception e) {
                System.err.println("heartbeat: " + e);
            }
        }
    }

    /** The hollow kubelets: start pods bound to live nodes, finish deleting them there. */
    private void runPods() {
        try {
            int live = 0;
            for (JsonNode pod : pods()) {
                String name = pod.path("metadata").path("name").asText();
                String node = pod.path("spec").path("nodeName").asText("");
                boolean deleting = pod.path("metadata").has("deletionTimestamp");
                if (!deleting && !node.isEmpty() && !dead.contains(node)) {
                    live++;
                }
                if (node.isEmpty() || dead.contains(node)) {
                    continue;
                }
                String path = "/api/v1/namespaces/" + NS + "/pods/" + name;
                if (deleting) {
                    send("DELETE", path, "application/json", "{\"gracePeriodSeconds\":0}");
                } else if (!pod.path("status").has("podIP")) {
                    send("PATCH", path + "/status", "application/merge-patch+json", "{\"status\":{\"phase\":\"Running\",\"podIP\":\"10.244.0."
                            + nextIp.getAndIncrement() + "\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"lastTransitionTime\":\"" + now() + "\"}]}}");
                }
            }
            maxLive.accumulateAndGet(live, Math::max);
        } catch (Exception e) {
            System.err.println("hollow kubelet: " + e);
        }
    }

    private Iterable<JsonNode> pods() throws Exception {
        return json.readTree(send("GET", "/api/v1/namespaces/" + NS + "/pods", null, null)).path("items");
    }

    private String send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cluster.server() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String microNow() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    }
}
