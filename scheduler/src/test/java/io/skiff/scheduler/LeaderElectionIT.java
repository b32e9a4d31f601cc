package io.skiff.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.skiff.scheduler.testing.TestCluster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static io.skiff.scheduler.testing.TestCluster.TIMEOUT;
import static io.skiff.scheduler.testing.TestCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two schedulers on one Lease: one acts; when it dies the other takes over; no pod is bound twice. */
class LeaderElectionIT {

    @Test
    void aStandbyTakesOverWithinFifteenSecondsAndNoPodIsBoundTwice() throws Exception {
        try (TestCluster cluster = new TestCluster()) {
            for (int i = 1; i <= 3; i++) {
                cluster.createNode(node("node-" + i, "8", "16Gi").build());
            }
            Map<String, Set<String>> nodesSeen = new ConcurrentHashMap<>();
            Watch watch = cluster.client.pods().inNamespace("default").watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, Pod pod) {
                    String node = pod.getSpec().getNodeName();
                    if (node != null) {
                        nodesSeen.computeIfAbsent(pod.getMetadata().getName(), k -> ConcurrentHashMap.newKeySet()).add(node);
                    }
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            });
            KubernetesClient clientA = cluster.newClient();
            KubernetesClient clientB = cluster.newClient();
            Scheduler a = Scheduler.start(clientA, SchedulerOptions.defaults().withIdentity("scheduler-a"));
            Scheduler b = Scheduler.start(clientB, SchedulerOptions.defaults().withIdentity("scheduler-b"));
            try {
                await(() -> a.isLeader() || b.isLeader(), TIMEOUT, "a leader");
                Thread.sleep(2_500); // a retry period: the standby has tried and failed to acquire
                assertFalse(a.isLeader() && b.isLeader(), "two leaders");
                Scheduler leader = a.isLeader() ? a : b, standby = leader == a ? b : a;
                KubernetesClient leaderClient = leader == a ? clientA : clientB;
                String standbyId = standby == a ? "scheduler-a" : "scheduler-b";

                createAndAwait(cluster, 0, 20);

                // The leader dies: its connection is gone, so it neither renews nor releases the Lease.
                long killed = System.nanoTime();
                leaderClient.close();
                await(standby::isLeader, Duration.ofSeconds(15), "the standby to take over");
                long tookOverMs = (System.nanoTime() - killed) / 1_000_000;
                System.out.println("standby took over " + tookOverMs + " ms after the leader died");
                leader.close();

                createAndAwait(cluster, 20, 40);
                Lease lease = cluster.client.leases().inNamespace("kube-system").withName("kube-scheduler").get();
                assertEquals(standbyId, lease.getSpec().getHolderIdentity());

                await(() -> nodesSeen.size() == 40, TIMEOUT, "every binding to reach the watch");
                nodesSeen.forEach((pod, nodes) -> assertEquals(1, nodes.size(), pod + " was bound to " + nodes));
                await(() -> IntStream.range(0, 40).allMatch(i -> !cluster.eventsFor("default", "pod-" + i, "Scheduled").isEmpty()),
                        TIMEOUT, "a Scheduled event per pod");
                for (int i = 0; i < 40; i++) {
                    var events = cluster.eventsFor("default", "pod-" + i, "Scheduled");
                    assertEquals(1, events.size(), "pod-" + i + " has " + events.size() + " Scheduled events");
                    assertEquals(1, events.get(0).getCount());
                }
                assertTrue(tookOverMs < 15_000);
            } finally {
                watch.close();
                a.close();
                b.close();
                clientA.close();
                clientB.close();
            }
        }
    }

    private static void createAndAwait(TestCluster cluster, int from, int to) {
        for (int i = from; i < to; i++) {
            cluster.createPod(new PodBuilder(pod("pod-" + i, "100m", "64Mi").build()).editMetadata().withUid(null).endMetadata().build());
        }
        for (int i = from; i < to; i++) {
            cluster.awaitBound("default", "pod-" + i, TIMEOUT);
        }
    }
}
