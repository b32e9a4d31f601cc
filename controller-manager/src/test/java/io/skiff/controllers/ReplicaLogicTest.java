package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which pods a ReplicaSet deletes first, expectations, and /24 allocation. */
class ReplicaLogicTest {
    private static Pod pod(String name, String node, String phase, boolean ready, String readySince, int restarts, String created) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withCreationTimestamp(created).endMetadata()
                .withNewSpec().withNodeName(node).endSpec()
                .withNewStatus().withPhase(phase)
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").withLastTransitionTime(readySince).endCondition()
                .addNewContainerStatus().withName("c").withRestartCount(restarts).endContainerStatus()
                .endStatus();
        return b.build();
    }

    @Test
    void scaleDownDeletesUnscheduledThenPendingThenUnreadyThenNewestReadyFirst() {
        Pod oldReady = pod("old-ready", "n1", "Running", true, "2026-01-01T00:00:00Z", 0, "2026-01-01T00:00:00Z");
        Pod newReady = pod("new-ready", "n1", "Running", true, "2026-01-01T01:00:00Z", 0, "2026-01-01T00:59:00Z");
        Pod crashy = pod("crashy", "n1", "Running", true, "2026-01-01T00:00:00Z", 7, "2026-01-01T00:00:00Z");
        Pod unready = pod("unready", "n1", "Running", false, "2026-01-01T00:00:00Z", 0, "2026-01-01T00:00:00Z");
        Pod pending = pod("pending", "n1", "Pending", false, "2026-01-01T00:00:00Z", 0, "2026-01-01T00:00:00Z");
        Pod unscheduled = pod("unscheduled", null, "Pending", false, "2026-01-01T00:00:00Z", 0, "2026-01-01T00:00:00Z");
        List<String> order = List.of(oldReady, crashy, newReady, unready, pending, unscheduled).stream()
                .sorted(ReplicaSetController.DELETION_ORDER).map(p -> p.getMetadata().getName()).toList();
        assertEquals(List.of("unscheduled", "pending", "unready", "new-ready", "crashy", "old-ready"), order);
    }

    @Test
    void expectationsHoldUntilTheCacheShowsEveryCreationAndDeletion() {
        Expectations e = new Expectations();
        e.expectCreated("ns/rs", "a");
        e.expectDeleted("ns/rs", "b");
        Pod b = pod("b", "n1", "Running", true, null, 0, null);
        Map<String, Pod> cache = new java.util.HashMap<>(Map.of("b", b));
        assertFalse(e.satisfied("ns/rs", cache::get));
        cache.put("a", pod("a", null, "Pending", false, null, 0, null));
        assertFalse(e.satisfied("ns/rs", cache::get), "b is still there");
        cache.put("b", new PodBuilder(b).editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build());
        assertTrue(e.satisfied("ns/rs", cache::get), "b is terminating: its deletion has begun");
        assertTrue(e.satisfied("other", cache::get));
    }

    @Test
    void nodesGetDistinctSlash24sFromTheClusterCidr() {
        Subnets s = new Subnets("10.244.0.0/16");
        assertEquals(256, s.count());
        assertEquals("10.244.0.0/24", s.subnet(0));
        assertEquals("10.244.255.0/24", s.subnet(255));
        Set<String> taken = IntStream.range(0, 3).mapToObj(s::subnet).collect(Collectors.toSet());
        assertEquals("10.244.3.0/24", s.firstFree(taken).orElseThrow());
        Set<String> all = IntStream.range(0, 256).mapToObj(s::subnet).collect(Collectors.toSet());
        assertTrue(s.firstFree(all).isEmpty());
        assertEquals("10.244.0.0/16", s.toString());
    }
}
