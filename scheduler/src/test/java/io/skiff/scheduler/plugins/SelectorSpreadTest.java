package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.testing.FakeCluster;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.nodeInfo;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorSpreadTest {
    private final SelectorSpread plugin = new SelectorSpread();

    private static Pod replica(String name, String owner) {
        return new PodBuilder(pod(name)).editMetadata().addToOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1")
                .withKind("ReplicaSet").withName("web").withUid(owner).withController(true).build()).endMetadata().build();
    }

    @Test
    void nodesWithFewerReplicasOfTheSameControllerScoreHigher() {
        NodeInfo two = nodeInfo(node("two"), replica("a", "rs1"), replica("b", "rs1"), replica("x", "rs2"));
        NodeInfo one = nodeInfo(node("one"), replica("c", "rs1"));
        NodeInfo none = nodeInfo(node("none"), replica("y", "rs2"));
        Pod p = replica("new", "rs1");
        CycleState state = new CycleState();
        List<NodeInfo> nodes = List.of(two, one, none);
        assertTrue(plugin.preScore(state, p, nodes, new FakeCluster(nodes)).isSuccess());
        long[] scores = nodes.stream().mapToLong(n -> plugin.score(state, p, n)).toArray();
        assertArrayEquals(new long[] {2, 1, 0}, scores);
        plugin.normalize(state, p, scores);
        assertArrayEquals(new long[] {0, 50, 100}, scores);
    }

    @Test
    void podsWithoutControllerAreNotSpread() {
        assertTrue(plugin.preScore(new CycleState(), pod("p"), List.of(), FakeCluster.of()).isSkip());
    }
}
