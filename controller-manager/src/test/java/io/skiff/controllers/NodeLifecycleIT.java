package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.skiff.client.LeaderElection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.skiff.controllers.TestCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Node heartbeats, taints and evictions; and two leader-elected controller managers on one cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private TestCluster cluster;
    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(1);

    @BeforeAll
    void start() throws Exception {
        cluster = new TestCluster();
    }

    @AfterAll
    void stop() throws Exception {
        heartbeats.shutdownNow();
        cluster.close();
    }

    private void registerNode(String name) {
        cluster.client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        Node n = cluster.client.nodes().withName(name).get();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        n.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder().addToConditions(
                new NodeCondition(now, now, "kubelet is posting ready status", "KubeletReady", "True", "Ready")).build());
        cluster.client.resource(n).updateStatus();
        cluster.client.leases().inNamespace("kube-node-lease").resource(new LeaseBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().withHolderIdentity(name).withLeaseDurationSeconds(40)
                .withRenewTime(ZonedDateTime.now()).endSpec().build()).create();
    }

    private void renew(String name) {
        TestCluster.retryOnConflict(() -> cluster.client.leases().inNamespace("kube-node-lease").withName(name).edit(l -> {
            l.getSpec().setRenewTime(ZonedDateTime.now());
            return l;
        }));
    }

    private Pod podOn(String ns, String name, String node, boolean toleratesForever) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("nginx").endContainer().endSpec();
        if (toleratesForever) {
            b.editSpec().addNewToleration().withKey(NodeLifecycleController.UNREACHABLE).withOperator("Exists")
                    .withEffect("NoExecute").endToleration().endSpec();
        }
        return cluster.client.pods().inNamespace(ns).resource(b.build()).create();
    }

    private static boolean tainted(Node n, String key, String effect) {
        List<Taint> taints = n.getSpec().getTaints() == null ? List.of() : n.getSpec().getTaints();
        return taints.stream().anyMatch(t -> key.equals(t.getKey()) && effect.equals(t.getEffect()));
    }

    private static String ready(Node n) {
        return n.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst().orElseThrow().getStatus();
    }

    @Test
    void aSilentNodeBecomesUnknownIsTaintedAndItsPodsAreEvictedAfterTheirToleration() {
        cluster.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("nodes").endMetadata().build()).create();
        registerNode("alive");
        registerNode("dead");
        var beat = heartbeats.scheduleAtFixedRate(() -> renew("alive"), 0, 300, TimeUnit.MILLISECONDS);
        podOn("nodes", "doomed", "dead", false);
        podOn("nodes", "stubborn", "dead", true);
        podOn("nodes", "safe", "alive", false);
        ControllerManagerOptions opts = ControllerManagerOptions.defaults().withLeaderElect(false)
                .withNodeMonitorGracePeriod(Duration.ofSeconds(2)).withPodEvictionTimeout(Duration.ofSeconds(1));
        try (ControllerManager manager = ControllerManager.start(cluster.client, opts)) {
            await("dead node Unknown and tainted", WAIT, () -> {
                Node n = cluster.client.nodes().withName("dead").get();
                return "Unknown".equals(ready(n)) && tainted(n, NodeLifecycleController.UNREACHABLE, "NoExecute")
                        && tainted(n, NodeLifecycleController.UNREACHABLE, "NoSchedule");
            });
            Node dead = cluster.client.nodes().withName("dead").get();
            assertEquals("NodeStatusUnknown", dead.getStatus().getConditions().get(0).getReason());
            await("pod without toleration evicted", WAIT, () -> {
                Pod p = cluster.client.pods().inNamespace("nodes").withName("doomed").get();
                return p == null || p.getMetadata().getDeletionTimestamp() != null;
            });
            assertNull(cluster.client.pods().inNamespace("nodes").withName("stubborn").get().getMetadata().getDeletionTimestamp());
            assertNull(cluster.client.pods().inNamespace("nodes").withName("safe").get().getMetadata().getDeletionTimestamp());
            Node alive = cluster.client.nodes().withName("alive").get();
            assertEquals("True", ready(alive));
            assertFalse(tainted(alive, NodeLifecycleController.UNREACHABLE, "NoExecute"));

            // the kubelet comes back: it posts Ready, renews its lease, and the taints go
            heartbeats.scheduleAtFixedRate(() -> renew("dead"), 0, 300, TimeUnit.MILLISECONDS);
            Node back = cluster.client.nodes().withName("dead").get();
            back.getStatus().getConditions().get(0).setStatus("True");
            back.getStatus().getConditions().get(0).setLastHeartbeatTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            cluster.client.resource(back).updateStatus();
            await("taints removed", WAIT, () -> !tainted(cluster.client.nodes().withName("dead").get(),
                    NodeLifecycleController.UNREACHABLE, "NoExecute"));
        } finally {
            beat.cancel(true);
        }
    }

    @Test
    void twoControllerManagersElectOneLeaderAndTheOtherTakesOver() {
        cluster.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("ha").endMetadata().build()).create();
        LeaderElection.Timings fast = new LeaderElection.Timings(Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(300));
        ControllerManager a = ControllerManager.start(cluster.client, ControllerManagerOptions.defaults()
                .withIdentity("cm-a").withLeaderTimings(fast));
        ControllerManager b = ControllerManager.start(cluster.client, ControllerManagerOptions.defaults()
                .withIdentity("cm-b").withLeaderTimings(fast));
        try {
            await("one leader", WAIT, () -> a.isLeading() || b.isLeading());
            assertFalse(a.isLeading() && b.isLeading());
            ControllerManager leader = a.isLeading() ? a : b;
            ControllerManager standby = leader == a ? b : a;
            String holder = cluster.client.leases().inNamespace("kube-system").withName("kube-controller-manager").get()
                    .getSpec().getHolderIdentity();
            assertEquals(leader == a ? "cm-a" : "cm-b", holder);

            cluster.client.apps().deployments().inNamespace("ha").resource(new DeploymentBuilder()
                    .withNewMetadata().withName("web").endMetadata()
                    .withNewSpec().withReplicas(4).withNewSelector().addToMatchLabels("app", "web").endSelector()
                    .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                    .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec()
                    .endTemplate().endSpec().build()).create();
            await("4 pods", WAIT, () -> cluster.client.pods().inNamespace("ha").list().getItems().size() == 4);

            long start = System.nanoTime();
            leader.close();
            await("standby takes over", Duration.ofSeconds(15), standby::isLeading);
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(15).toNanos());
            TestCluster.retryOnConflict(() -> cluster.client.apps().deployments().inNamespace("ha").withName("web")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":6}}")); // as kubectl scale: no resourceVersion
            await("the new leader acts", WAIT, () -> cluster.client.pods().inNamespace("ha").list().getItems().size() == 6);
            assertEquals(1, cluster.client.apps().replicaSets().inNamespace("ha").list().getItems().size());
        } finally {
            a.close();
            b.close();
        }
    }
}
