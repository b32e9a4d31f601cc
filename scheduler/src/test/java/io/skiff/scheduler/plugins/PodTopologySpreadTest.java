package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.Status;
import io.skiff.scheduler.testing.FakeCluster;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.nodeInfo;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PodTopologySpreadTest {
    private final PodTopologySpread plugin = new PodTopologySpread();

    private static Pod web(String name) {
        return new PodBuilder(pod(name)).editMetadata().addToLabels("app", "web").endMetadata().build();
    }

    private static Pod spread(String when, String key) {
        return new PodBuilder(web("new")).editSpec().addToTopologySpreadConstraints(new TopologySpreadConstraintBuilder()
                .withMaxSkew(1).withTopologyKey(key).withWhenUnsatisfiable(when)
                .withLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", "web").build()).build()).endSpec().build();
    }

    private static NodeInfo zoned(String name, String zone, Pod... pods) {
        return nodeInfo(new NodeBuilder(node(name)).editMetadata().addToLabels("zone", zone).endMetadata().build(), pods);
    }

    @Test
    void doNotScheduleKeepsSkewWithinMaxSkew() {
        NodeInfo a = zoned("a", "z1", web("w1"), web("w2"));
        NodeInfo b = zoned("b", "z2", web("w3"));
        NodeInfo c = nodeInfo(node("c"));
        Pod p = spread("DoNotSchedule", "zone");
        CycleState state = new CycleState();
        assertTrue(plugin.preFilter(state, p, FakeCluster.of(a, b, c)).isSuccess());
        Status sa = plugin.filter(state, p, a);
        assertEquals(Status.Code.UNSCHEDULABLE, sa.code());
        assertEquals("node(s) didn't match pod topology spread constraints", sa.message());
        assertTrue(plugin.filter(state, p, b).isSuccess());
        assertEquals("node(s) didn't match pod topology spread constraints (missing required label)", plugin.filter(state, p, c).message());
    }

    @Test
    void scheduleAnywayPrefersTheEmptierDomain() {
        NodeInfo a = zoned("a", "z1", web("w1"), web("w2"));
        NodeInfo b = zoned("b", "z2");
        Pod p = spread("ScheduleAnyway", "zone");
        CycleState state = new CycleState();
        assertTrue(plugin.preFilter(state, p, FakeCluster.of(a, b)).isSkip());
        assertTrue(plugin.preScore(state, p, List.of(a, b), FakeCluster.of(a, b)).isSuccess());
        long[] scores = {plugin.score(state, p, a), plugin.score(state, p, b)};
        plugin.normalize(state, p, scores);
        assertArrayEquals(new long[] {0, 100}, scores);
    }
}
