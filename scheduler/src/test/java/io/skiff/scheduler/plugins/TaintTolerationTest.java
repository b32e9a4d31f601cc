package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.Status;
import org.junit.jupiter.api.Test;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.nodeInfo;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static io.skiff.scheduler.testing.Fixtures.taint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaintTolerationTest {
    private final TaintToleration plugin = new TaintToleration();

    private static NodeInfo tainted(String name, String key, String value, String effect) {
        return nodeInfo(new NodeBuilder(node(name)).editSpec().addToTaints(taint(key, value, effect)).endSpec().build());
    }

    @Test
    void untoleratedNoScheduleTaintRejectsWithKubernetesWording() {
        Status s = plugin.filter(new CycleState(), pod("p"), tainted("cp", "node-role.kubernetes.io/control-plane", null, "NoSchedule"));
        assertEquals(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE, s.code());
        assertEquals("node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }", s.message());
        Status exec = plugin.filter(new CycleState(), pod("p"), tainted("n", "dedicated", "gpu", "NoExecute"));
        assertEquals("node(s) had untolerated taint {dedicated: gpu}", exec.message());
    }

    @Test
    void matchingTolerationsAdmitThePod() {
        Pod equal = new PodBuilder(pod("p")).editSpec().addNewToleration().withKey("dedicated").withOperator("Equal")
                .withValue("gpu").withEffect("NoSchedule").endToleration().endSpec().build();
        assertTrue(plugin.filter(new CycleState(), equal, tainted("n", "dedicated", "gpu", "NoSchedule")).isSuccess());
        assertEquals(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE,
                plugin.filter(new CycleState(), equal, tainted("n", "dedicated", "cpu", "NoSchedule")).code());
        Pod everything = new PodBuilder(pod("p")).editSpec().addNewToleration().withOperator("Exists").endToleration().endSpec().build();
        assertTrue(plugin.filter(new CycleState(), everything, tainted("n", "any", "x", "NoExecute")).isSuccess());
    }

    @Test
    void preferNoScheduleOnlyLowersTheScore() {
        NodeInfo soft = tainted("soft", "spot", "true", "PreferNoSchedule");
        NodeInfo clean = nodeInfo(node("clean"));
        assertTrue(plugin.filter(new CycleState(), pod("p"), soft).isSuccess());
        long[] scores = {plugin.score(new CycleState(), pod("p"), soft), plugin.score(new CycleState(), pod("p"), clean)};
        plugin.normalize(new CycleState(), pod("p"), scores);
        assertArrayEquals(new long[] {0, 100}, scores);
    }
}
