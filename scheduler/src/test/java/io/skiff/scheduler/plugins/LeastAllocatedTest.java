package io.skiff.scheduler.plugins;

import io.skiff.scheduler.framework.CycleState;
import org.junit.jupiter.api.Test;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.nodeInfo;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LeastAllocatedTest {
    private final LeastAllocated plugin = new LeastAllocated();

    @Test
    void scoresTheMeanFreeFractionAfterPlacingThePod() {
        var busy = nodeInfo(node("busy", "4", "8Gi").build(), pod("a", "3", "2Gi").build());
        var idle = nodeInfo(node("idle", "4", "8Gi").build());
        var p = pod("p", "1", "2Gi").build();
        // busy: cpu (4-4)/4 = 0, memory (8-4)/8 = 50 → 25; idle: cpu 75, memory 75 → 75
        assertEquals(25, plugin.score(new CycleState(), p, busy));
        assertEquals(75, plugin.score(new CycleState(), p, idle));
    }

    @Test
    void podsWithoutRequestsCountTheKubernetesDefaults() {
        var idle = nodeInfo(node("idle", "1", "1Gi").build());
        // 100m of 1000m and 200Mi of 1Gi: (90 + 80) / 2
        assertEquals(85, plugin.score(new CycleState(), pod("p"), idle));
    }
}
