package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeAffinityTest {
    private final NodeAffinity plugin = new NodeAffinity();
    private final NodeInfo ssd = nodeInfo(new NodeBuilder(node("ssd")).editMetadata().addToLabels("disk", "ssd").addToLabels("gen", "5").endMetadata().build());
    private final NodeInfo hdd = nodeInfo(new NodeBuilder(node("hdd")).editMetadata().addToLabels("disk", "hdd").addToLabels("gen", "3").endMetadata().build());

    private static Pod required(String key, String op, String... values) {
        return new PodBuilder(pod("p")).editSpec().withNewAffinity().withNewNodeAffinity()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
                .addToMatchExpressions(new NodeSelectorRequirement(key, op, List.of(values))).endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().endSpec().build();
    }

    @Test
    void nodeSelectorMustMatchEveryLabel() {
        Pod p = new PodBuilder(pod("p")).editSpec().addToNodeSelector("disk", "ssd").endSpec().build();
        assertTrue(plugin.filter(new CycleState(), p, ssd).isSuccess());
        Status s = plugin.filter(new CycleState(), p, hdd);
        assertEquals(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE, s.code());
        assertEquals("node(s) didn't match Pod's node affinity/selector", s.message());
    }

    @Test
    void requiredAffinityOperators() {
        assertTrue(NodeAffinity.fits(required("disk", "In", "ssd", "nvme"), ssd));
        assertFalse(NodeAffinity.fits(required("disk", "NotIn", "ssd"), ssd));
        assertTrue(NodeAffinity.fits(required("disk", "Exists"), hdd));
        assertFalse(NodeAffinity.fits(required("disk", "DoesNotExist"), hdd));
        assertTrue(NodeAffinity.fits(required("gen", "Gt", "4"), ssd));
        assertFalse(NodeAffinity.fits(required("gen", "Gt", "4"), hdd));
        assertTrue(NodeAffinity.fits(required("gen", "Lt", "4"), hdd));
    }

    @Test
    void preferredTermsScoreByWeight() {
        Pod p = new PodBuilder(pod("p")).editSpec().withNewAffinity().withNewNodeAffinity()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(80).withNewPreference()
                .addToMatchExpressions(new NodeSelectorRequirement("disk", "In", List.of("ssd"))).endPreference()
                .endPreferredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().endSpec().build();
        CycleState state = new CycleState();
        assertTrue(plugin.preScore(state, p, List.of(ssd, hdd), FakeCluster.of(ssd, hdd)).isSuccess());
        long[] scores = {plugin.score(state, p, ssd), plugin.score(state, p, hdd)};
        assertArrayEquals(new long[] {80, 0}, scores);
        plugin.normalize(state, p, scores);
        assertArrayEquals(new long[] {100, 0}, scores);
        assertTrue(plugin.preScore(state, pod("q"), List.of(ssd), FakeCluster.of(ssd)).isSkip());
    }
}
