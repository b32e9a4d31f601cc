package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.Status;
import org.junit.jupiter.api.Test;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.nodeInfo;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeUnschedulableTest {
    private final NodeUnschedulable plugin = new NodeUnschedulable();

    @Test
    void cordonedNodeRejectsPodsThatDoNotTolerateIt() {
        var cordoned = nodeInfo(new NodeBuilder(node("n1")).editSpec().withUnschedulable(true).endSpec().build());
        Status s = plugin.filter(new CycleState(), pod("p"), cordoned);
        assertEquals(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE, s.code());
        assertEquals("node(s) were unschedulable", s.message());
        assertTrue(plugin.filter(new CycleState(), pod("p"), nodeInfo(node("n2"))).isSuccess());
    }

    @Test
    void toleratingTheUnschedulableTaintIsEnough() {
        var cordoned = nodeInfo(new NodeBuilder(node("n1")).editSpec().withUnschedulable(true).endSpec().build());
        Pod daemon = new PodBuilder(pod("d")).editSpec().addNewToleration().withKey("node.kubernetes.io/unschedulable")
                .withOperator("Exists").withEffect("NoSchedule").endToleration().endSpec().build();
        assertTrue(plugin.filter(new CycleState(), daemon, cordoned).isSuccess());
    }
}
