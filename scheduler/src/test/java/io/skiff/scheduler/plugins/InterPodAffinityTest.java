package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterPodAffinityTest {
    private static final String HOSTNAME = "kubernetes.io/hostname";
    private final InterPodAffinity plugin = new InterPodAffinity();

    private static Pod labelled(String name, String app) {
        return new PodBuilder(pod(name)).editMetadata().addToLabels("app", app).endMetadata().build();
    }

    private static PodAffinityTerm term(String app) {
        return new PodAffinityTermBuilder().withTopologyKey(HOSTNAME)
                .withLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", app).build()).build();
    }

    private static Pod withAffinity(String name, String app, String wantsWith) {
        return new PodBuilder(labelled(name, app)).editSpec().withNewAffinity().withNewPodAffinity()
                .addToRequiredDuringSchedulingIgnoredDuringExecution(term(wantsWith)).endPodAffinity().endAffinity().endSpec().build();
    }

    private static Pod withAntiAffinity(String name, String app, String avoids) {
        return new PodBuilder(labelled(name, app)).editSpec().withNewAffinity().withNewPodAntiAffinity()
                .addToRequiredDuringSchedulingIgnoredDuringExecution(term(avoids)).endPodAntiAffinity().endAffinity().endSpec().build();
    }

    private Status[] filterAll(Pod pod, NodeInfo... nodes) {
        CycleState state = new CycleState();
        Status pre = plugin.preFilter(state, pod, FakeCluster.of(nodes));
        Status[] out = new Status[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            out[i] = pre.isSkip() ? pre : plugin.filter(state, pod, nodes[i]);
        }
        return out;
    }

    @Test
    void requiredAffinityNeedsAMatchingPodOnTheSameHost() {
        NodeInfo withCache = nodeInfo(node("n1"), labelled("cache", "cache"));
        NodeInfo empty = nodeInfo(node("n2"));
        Status[] s = filterAll(withAffinity("web", "web", "cache"), withCache, empty);
        assertTrue(s[0].isSuccess());
        assertEquals(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE, s[1].code());
        assertEquals("node(s) didn't match pod affinity rules", s[1].message());
    }

    @Test
    void firstPodOfAGroupThatSelectsItselfMayGoAnywhere() {
        Status[] s = filterAll(withAffinity("web-0", "web", "web"), nodeInfo(node("n1")), nodeInfo(node("n2")));
        assertTrue(s[0].isSuccess() && s[1].isSuccess());
    }

    @Test
    void requiredAntiAffinityKeepsReplicasApart() {
        NodeInfo taken = nodeInfo(node("n1"), labelled("web-0", "web"));
        NodeInfo free = nodeInfo(node("n2"));
        Status[] s = filterAll(withAntiAffinity("web-1", "web", "web"), taken, free);
        assertEquals("node(s) didn't match pod anti-affinity rules", s[0].message());
        assertTrue(s[1].isSuccess());
    }

    @Test
    void existingPodsAntiAffinityIsHonouredToo() {
        NodeInfo guarded = nodeInfo(node("n1"), withAntiAffinity("loner", "db", "web"));
        NodeInfo free = nodeInfo(node("n2"));
        Status[] s = filterAll(labelled("web", "web"), guarded, free);
        assertEquals("node(s) didn't satisfy existing pods anti-affinity rules", s[0].message());
        assertTrue(s[1].isSuccess());
    }

    @Test
    void nothingToCheckSkipsTheFilter() {
        assertTrue(filterAll(labelled("web", "web"), nodeInfo(node("n1"), labelled("x", "y")))[0].isSkip());
    }

    @Test
    void preferredAffinityAndAntiAffinityScore() {
        Pod p = new PodBuilder(labelled("web", "web")).editSpec().withNewAffinity()
                .withNewPodAffinity().addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(50)
                .withPodAffinityTerm(term("cache")).endPreferredDuringSchedulingIgnoredDuringExecution().endPodAffinity()
                .withNewPodAntiAffinity().addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(100)
                .withPodAffinityTerm(term("web")).endPreferredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity()
                .endAffinity().endSpec().build();
        NodeInfo cache = nodeInfo(node("cache"), labelled("c", "cache"));
        NodeInfo web = nodeInfo(node("web"), labelled("w", "web"));
        NodeInfo empty = nodeInfo(node("empty"));
        List<NodeInfo> nodes = List.of(cache, web, empty);
        CycleState state = new CycleState();
        assertTrue(plugin.preScore(state, p, nodes, new FakeCluster(nodes)).isSuccess());
        long[] scores = nodes.stream().mapToLong(n -> plugin.score(state, p, n)).toArray();
        assertEquals(List.of(50L, -100L, 0L), List.of(scores[0], scores[1], scores[2]));
        plugin.normalize(state, p, scores);
        assertEquals(List.of(100L, 0L, 66L), List.of(scores[0], scores[1], scores[2]));
    }
}
