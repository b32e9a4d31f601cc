package io.skiff.scheduler.plugins;

import io.skiff.scheduler.framework.CycleState;
import org.junit.jupiter.api.Test;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.nodeInfo;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalancedAllocationTest {
    private final BalancedAllocation plugin = new BalancedAllocation();

    @Test
    void equalCpuAndMemoryFractionsScoreHighest() {
        var p = pod("p", "1", "2Gi").build();
        var balanced = nodeInfo(node("b", "4", "8Gi").build());                        // 25% and 25%
        var skewed = nodeInfo(node("s", "4", "8Gi").build(), pod("a", "2", null).build()); // 75% and 25% (+200Mi default)
        assertEquals(100, plugin.score(new CycleState(), p, balanced));
        long s = plugin.score(new CycleState(), p, skewed);
        assertTrue(s < 100 && s >= 70, "skewed node scored " + s);
    }
}
