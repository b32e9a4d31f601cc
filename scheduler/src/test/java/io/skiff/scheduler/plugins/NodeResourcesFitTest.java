package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.skiff.scheduler.cache.PodRequests;
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

class NodeResourcesFitTest {
    private final NodeResourcesFit plugin = new NodeResourcesFit();

    private Status filter(Pod pod, io.skiff.scheduler.cache.NodeInfo node) {
        CycleState state = new CycleState();
        plugin.preFilter(state, pod, FakeCluster.of(node));
        return plugin.filter(state, pod, node);
    }

    @Test
    void requestsAddUpAgainstAllocatable() {
        var node = nodeInfo(node("n", "2", "4Gi").build(), pod("a", "1500m", "1Gi").build());
        assertTrue(filter(pod("b", "500m", "3Gi").build(), node).isSuccess());
        Status cpu = filter(pod("c", "501m", null).build(), node);
        assertEquals(Status.Code.UNSCHEDULABLE, cpu.code());
        assertEquals(List.of("Insufficient cpu"), cpu.reasons());
        assertEquals(List.of("Insufficient cpu", "Insufficient memory"), filter(pod("d", "1", "3.5Gi").build(), node).reasons());
    }

    @Test
    void podCountIsLimitedByAllocatablePods() {
        var full = new NodeBuilder(node("n", "2", "4Gi").build()).editStatus().addToAllocatable("pods", new Quantity("1")).endStatus().build();
        assertEquals(List.of("Too many pods"), filter(pod("b"), nodeInfo(full, pod("a"))).reasons());
    }

    @Test
    void initContainersCountByTheirLargestRequestAndOverheadAdds() {
        Pod p = new PodBuilder(pod("p", "200m", "100Mi").build()).editSpec()
                .addToInitContainers(new ContainerBuilder().withName("init").editOrNewResources()
                        .addToRequests("cpu", new Quantity("1")).endResources().build())
                .addToOverhead("memory", new Quantity("10Mi")).endSpec().build();
        PodRequests r = PodRequests.of(p);
        assertEquals(1000, r.milliCpu());
        assertEquals(110L * 1024 * 1024, r.memory());
        assertEquals(List.of("Insufficient cpu"), filter(p, nodeInfo(node("n", "900m", "1Gi").build())).reasons());
    }

    @Test
    void quantitiesParseAsKubernetesDoes() {
        assertEquals(250, PodRequests.milli(new Quantity("0.25")));
        assertEquals(2000, PodRequests.milli(new Quantity("2")));
        assertEquals(1, PodRequests.milli(new Quantity("100u")));
        assertEquals(128L * 1024 * 1024, PodRequests.units(new Quantity("128Mi")));
        assertEquals(1_000_000_000L, PodRequests.units(new Quantity("1G")));
        assertEquals(0, PodRequests.units(new Quantity("nonsense")));
    }
}
