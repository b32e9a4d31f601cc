package io.skiff.scheduler;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.skiff.scheduler.testing.TestCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static io.skiff.scheduler.testing.Fixtures.taint;
import static io.skiff.scheduler.testing.TestCluster.TIMEOUT;
import static io.skiff.scheduler.testing.TestCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduler against a real API server on SQLite, with hollow nodes (Node objects only). */
class SchedulerIT {
    private TestCluster cluster;
    private Scheduler scheduler;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster();
    }

    @AfterEach
    void stop() throws Exception {
        if (scheduler != null) {
            scheduler.close();
        }
        cluster.close();
    }

    private void startScheduler() {
        scheduler = Scheduler.start(cluster.client, SchedulerOptions.defaults().withLeaderElect(false)
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)));
    }

    private static Pod replica(String name) {
        return new PodBuilder(pod(name, "100m", "128Mi").build()).editMetadata().withUid(null)
                .addToOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
                        .withName("web").withUid("3f1b8a52-0000-4000-8000-000000000001").withController(true).build())
                .addToLabels("app", "web").endMetadata().build();
    }

    private static Pod plain(Pod p) {
        return new PodBuilder(p).editMetadata().withUid(null).endMetadata().build();
    }

    @Test
    void replicasSpreadEvenlyOverThreeNodesAndEachGetsAScheduledEvent() {
        for (int i = 1; i <= 3; i++) {
            cluster.createNode(node("node-" + i, "4", "8Gi").build());
        }
        startScheduler();
        for (int i = 0; i < 6; i++) {
            cluster.createPod(replica("web-" + i));
        }
        Map<String, Integer> perNode = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            perNode.merge(cluster.awaitBound("default", "web-" + i, TIMEOUT), 1, Integer::sum);
        }
        assertEquals(Map.of("node-1", 2, "node-2", 2, "node-3", 2), perNode);
        String node = cluster.nodeNameOf("default", "web-0");
        await(() -> !cluster.eventsFor("default", "web-0", "Scheduled").isEmpty(), TIMEOUT, "Scheduled event");
        Event e = cluster.eventsFor("default", "web-0", "Scheduled").get(0);
        assertEquals("Successfully assigned default/web-0 to " + node, e.getMessage());
        assertEquals("Normal", e.getType());
        assertEquals("default-scheduler", e.getSource().getComponent());
        assertEquals("Pod", e.getInvolvedObject().getKind());
        assertEquals(1, e.getCount());
    }

    @Test
    void insufficientCpuIsReportedAndThePodSchedulesOnceANodeIsAdded() {
        for (int i = 1; i <= 3; i++) {
            cluster.createNode(node("small-" + i, "1", "8Gi").build());
        }
        startScheduler();
        cluster.createPod(plain(pod("big", "2", "1Gi").build()));
        await(() -> !cluster.eventsFor("default", "big", "FailedScheduling").isEmpty(), TIMEOUT, "FailedScheduling event");
        Event e = cluster.eventsFor("default", "big", "FailedScheduling").get(0);
        assertEquals("0/3 nodes are available: 3 Insufficient cpu.", e.getMessage());
        assertEquals("Warning", e.getType());
        assertNull(cluster.nodeNameOf("default", "big"));
        await(() -> {
            var p = cluster.client.pods().inNamespace("default").withName("big").get();
            return p.getStatus().getConditions() != null && p.getStatus().getConditions().stream().anyMatch(c -> "PodScheduled".equals(c.getType())
                    && "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason())
                    && "0/3 nodes are available: 3 Insufficient cpu.".equals(c.getMessage()));
        }, TIMEOUT, "PodScheduled=False condition");
        cluster.createNode(node("large", "4", "8Gi").build());
        assertEquals("large", cluster.awaitBound("default", "big", TIMEOUT));
    }

    @Test
    void taintsKeepPodsAwayUnlessTolerated() {
        cluster.createNode(new io.fabric8.kubernetes.api.model.NodeBuilder(node("control-plane", "4", "8Gi").build())
                .editMetadata().addToLabels("node-role.kubernetes.io/control-plane", "").endMetadata()
                .editSpec().addToTaints(taint("node-role.kubernetes.io/control-plane", null, "NoSchedule")).endSpec().build());
        cluster.createNode(node("worker", "1", "1Gi").build());
        startScheduler();
        for (int i = 0; i < 3; i++) {
            cluster.createPod(plain(pod("app-" + i, "100m", null).build()));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals("worker", cluster.awaitBound("default", "app-" + i, TIMEOUT));
        }
        cluster.createPod(plain(new PodBuilder(pod("too-big", null, "2Gi").build()).build()));
        await(() -> !cluster.eventsFor("default", "too-big", "FailedScheduling").isEmpty(), TIMEOUT, "FailedScheduling event");
        assertEquals("0/2 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.",
                cluster.eventsFor("default", "too-big", "FailedScheduling").get(0).getMessage());
        Pod tolerating = new PodBuilder(pod("admin", "100m", null).build()).editMetadata().withUid(null).endMetadata().editSpec()
                .addToNodeSelector("node-role.kubernetes.io/control-plane", "")
                .addNewToleration().withKey("node-role.kubernetes.io/control-plane").withOperator("Exists").withEffect("NoSchedule").endToleration()
                .endSpec().build();
        cluster.createPod(tolerating);
        assertEquals("control-plane", cluster.awaitBound("default", "admin", TIMEOUT));
    }

    @Test
    void nodeSelectorPicksTheLabelledNode() {
        cluster.createNode(node("hdd-1", "4", "8Gi").build());
        cluster.createNode(new io.fabric8.kubernetes.api.model.NodeBuilder(node("ssd-1", "4", "8Gi").build())
                .editMetadata().addToLabels("disktype", "ssd").endMetadata().build());
        cluster.createNode(node("hdd-2", "4", "8Gi").build());
        startScheduler();
        for (int i = 0; i < 3; i++) {
            cluster.createPod(plain(new PodBuilder(pod("db-" + i)).editSpec().addToNodeSelector("disktype", "ssd").endSpec().build()));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals("ssd-1", cluster.awaitBound("default", "db-" + i, TIMEOUT));
        }
        cluster.createPod(plain(new PodBuilder(pod("gpu")).editSpec().addToNodeSelector("accelerator", "gpu").endSpec().build()));
        await(() -> !cluster.eventsFor("default", "gpu", "FailedScheduling").isEmpty(), TIMEOUT, "FailedScheduling event");
        assertEquals("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.",
                cluster.eventsFor("default", "gpu", "FailedScheduling").get(0).getMessage());
    }

    @Test
    void hostPortConflictsPlaceOnePodPerNode() {
        cluster.createNode(node("n1", "4", "8Gi").build());
        cluster.createNode(node("n2", "4", "8Gi").build());
        startScheduler();
        for (int i = 0; i < 3; i++) {
            cluster.createPod(plain(new PodBuilder(pod("proxy-" + i)).editSpec().editFirstContainer()
                    .addToPorts(new ContainerPortBuilder().withContainerPort(80).withHostPort(8080).build())
                    .endContainer().endSpec().build()));
        }
        await(() -> List.of(0, 1, 2).stream().filter(i -> cluster.nodeNameOf("default", "proxy-" + i) != null).count() == 2,
                TIMEOUT, "two proxies bound");
        String waiting = List.of(0, 1, 2).stream().map(i -> "proxy-" + i).filter(p -> cluster.nodeNameOf("default", p) == null)
                .findFirst().orElseThrow();
        await(() -> !cluster.eventsFor("default", waiting, "FailedScheduling").isEmpty(), TIMEOUT, "FailedScheduling event");
        assertEquals("0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports.",
                cluster.eventsFor("default", waiting, "FailedScheduling").get(0).getMessage());
        List<String> bound = List.of(0, 1, 2).stream().map(i -> cluster.nodeNameOf("default", "proxy-" + i))
                .filter(java.util.Objects::nonNull).toList();
        assertNotEquals(bound.get(0), bound.get(1));
        // Deleting one frees its port: the waiting pod takes that node.
        String freed = cluster.nodeNameOf("default", "proxy-0") != null ? "proxy-0" : "proxy-1";
        String freedNode = cluster.nodeNameOf("default", freed);
        cluster.client.pods().inNamespace("default").withName(freed).withGracePeriod(0).delete();
        assertEquals(freedNode, cluster.awaitBound("default", waiting, TIMEOUT));
    }

    @Test
    void podsForAnotherSchedulerAreLeftAlone() throws Exception {
        cluster.createNode(node("n1"));
        startScheduler();
        cluster.createPod(plain(new PodBuilder(pod("custom")).editSpec().withSchedulerName("my-scheduler").endSpec().build()));
        cluster.createPod(plain(pod("mine")));
        assertEquals("n1", cluster.awaitBound("default", "mine", TIMEOUT));
        Thread.sleep(500);
        assertNull(cluster.nodeNameOf("default", "custom"));
        assertTrue(cluster.eventsFor("default", "custom", "FailedScheduling").isEmpty());
    }

}
