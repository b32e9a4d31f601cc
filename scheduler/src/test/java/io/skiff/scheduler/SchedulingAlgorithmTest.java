package io.skiff.scheduler;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.Framework;
import io.skiff.scheduler.framework.Status;
import io.skiff.scheduler.plugins.DefaultPlugins;
import io.skiff.scheduler.testing.FakeCluster;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.nodeInfo;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static io.skiff.scheduler.testing.Fixtures.taint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulingAlgorithmTest {
    private final Framework framework = new Framework(DefaultPlugins.all(), new io.skiff.scheduler.framework.BindPlugin() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public CompletableFuture<Status> bind(Pod pod, String nodeName) {
            return CompletableFuture.completedFuture(Status.success());
        }
    });
    private final SchedulingAlgorithm algorithm = new SchedulingAlgorithm(framework, new Random(1));

    @Test
    void picksTheLeastLoadedFeasibleNode() {
        NodeInfo busy = nodeInfo(node("busy", "4", "8Gi").build(), pod("a", "3", "6Gi").build());
        NodeInfo idle = nodeInfo(node("idle", "4", "8Gi").build());
        NodeInfo small = nodeInfo(node("small", "500m", "8Gi").build());
        ScheduleResult r = algorithm.schedule(new CycleState(), pod("p", "1", "1Gi").build(), FakeCluster.of(busy, idle, small));
        assertEquals("idle", r.nodeName());
        assertEquals(2, r.feasibleNodes());
    }

    @Test
    void failureCollectsEveryNodesReasons() {
        NodeInfo cp = nodeInfo(new NodeBuilder(node("cp", "8", "16Gi").build()).editSpec()
                .addToTaints(taint("node-role.kubernetes.io/control-plane", null, "NoSchedule")).endSpec().build());
        NodeInfo w1 = nodeInfo(node("w1", "8", "1Gi").build());
        NodeInfo w2 = nodeInfo(node("w2", "8", "1Gi").build());
        ScheduleResult r = algorithm.schedule(new CycleState(), pod("p", "1", "2Gi").build(), FakeCluster.of(cp, w1, w2));
        assertNull(r.nodeName());
        assertEquals("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
                + "2 Insufficient memory.", r.fitError().message());
        assertEquals(java.util.Set.of("TaintToleration", "NodeResourcesFit"), r.fitError().plugins());
    }

    @Test
    void equalScoresAreBrokenAtRandom() {
        Map<Integer, Integer> picks = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            picks.merge(algorithm.pickHighest(new long[] {5, 9, 9, 1, 9}), 1, Integer::sum);
        }
        assertEquals(java.util.Set.of(1, 2, 4), picks.keySet());
        picks.values().forEach(n -> assertTrue(n > 800, "uneven tie-breaking: " + picks));
    }

    @Test
    void largeClustersAreSearchedOnlyUntilEnoughNodesFit() {
        assertEquals(50, SchedulingAlgorithm.numFeasibleNodesToFind(50));
        assertEquals(230, SchedulingAlgorithm.numFeasibleNodesToFind(500));
        assertEquals(500, SchedulingAlgorithm.numFeasibleNodesToFind(5000));
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            nodes.add(nodeInfo(node("n" + i)));
        }
        ScheduleResult first = algorithm.schedule(new CycleState(), pod("p"), new FakeCluster(nodes));
        assertEquals(230, first.evaluatedNodes());
        assertEquals(230, first.feasibleNodes());
    }
}
