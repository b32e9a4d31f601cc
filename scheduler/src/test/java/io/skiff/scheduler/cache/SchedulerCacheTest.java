package io.skiff.scheduler.cache;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulerCacheTest {
    private final SchedulerCache cache = new SchedulerCache();

    private static Pod bound(Pod p, String node) {
        return new PodBuilder(p).editSpec().withNodeName(node).endSpec().build();
    }

    @Test
    void assumedPodsUseResourcesUntilForgotten() {
        cache.addNode(node("n1"));
        Pod p = pod("p", "1", "1Gi").build();
        cache.assumePod(p, "n1");
        assertEquals(1000, cache.node("n1").requested().milliCpu());
        assertTrue(cache.isAssumed(p));
        cache.forgetPod(p);
        assertEquals(0, cache.node("n1").requested().milliCpu());
        assertEquals(0, cache.podCount());
    }

    @Test
    void theInformerConfirmsAnAssumedPodWithoutCountingItTwice() {
        cache.addNode(node("n1"));
        Pod p = pod("p", "1", null).build();
        cache.assumePod(p, "n1");
        cache.addPod(bound(p, "n1"));
        assertFalse(cache.isAssumed(p));
        assertEquals(1000, cache.node("n1").requested().milliCpu());
        cache.forgetPod(p); // a late failure callback must not remove a confirmed pod
        assertEquals(1, cache.node("n1").podCount());
    }

    @Test
    void podsSeenBeforeTheirNodeAreKeptAndCountOnceTheNodeArrives() {
        cache.addPod(bound(pod("p", "500m", null).build(), "late"));
        assertNull(cache.node("late"));
        assertTrue(cache.nodes().isEmpty());
        cache.addNode(node("late"));
        assertEquals(500, cache.node("late").requested().milliCpu());
        assertEquals(1, cache.nodes().size());
    }

    @Test
    void finishedAndDeletedPodsFreeTheirResources() {
        cache.addNode(node("n1"));
        Pod p = bound(pod("p", "1", null).build(), "n1");
        cache.addPod(p);
        cache.updatePod(new PodBuilder(p).withNewStatus().withPhase("Succeeded").endStatus().build());
        assertEquals(0, cache.node("n1").requested().milliCpu());
        Pod q = bound(pod("q", "1", null).build(), "n1");
        cache.addPod(q);
        cache.removePod(q);
        assertEquals(0, cache.node("n1").podCount());
    }

    @Test
    void removingANodeHidesItFromScheduling() {
        cache.addNode(node("n1"));
        cache.addPod(bound(pod("p"), "n1"));
        cache.removeNode("n1");
        assertTrue(cache.nodes().isEmpty());
        assertNull(cache.node("n1"));
    }
}
