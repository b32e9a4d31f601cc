package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.Status;
import org.junit.jupiter.api.Test;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.nodeInfo;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeNameTest {
    private final NodeName plugin = new NodeName();

    @Test
    void podNamingANodeFitsOnlyThatNode() {
        var pinned = new PodBuilder(pod("p")).editSpec().withNodeName("n2").endSpec().build();
        Status other = plugin.filter(new CycleState(), pinned, nodeInfo(node("n1")));
        assertEquals(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE, other.code());
        assertEquals("node(s) didn't match the requested node name", other.message());
        assertTrue(plugin.filter(new CycleState(), pinned, nodeInfo(node("n2"))).isSuccess());
    }

    @Test
    void podWithoutNodeNameFitsAnyNode() {
        assertTrue(plugin.filter(new CycleState(), pod("p"), nodeInfo(node("n1"))).isSuccess());
    }
}
