package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.Status;
import io.skiff.scheduler.testing.FakeCluster;
import org.junit.jupiter.api.Test;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.nodeInfo;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodePortsTest {
    private final NodePorts plugin = new NodePorts();

    private static Pod withHostPort(String name, String protocol, String ip, int port) {
        return new PodBuilder(pod(name)).editSpec().editFirstContainer().addToPorts(new ContainerPortBuilder()
                .withContainerPort(80).withHostPort(port).withProtocol(protocol).withHostIP(ip).build()).endContainer().endSpec().build();
    }

    private Status filter(Pod pod, NodeInfo node) {
        CycleState state = new CycleState();
        Status pre = plugin.preFilter(state, pod, FakeCluster.of(node));
        return pre.isSkip() ? pre : plugin.filter(state, pod, node);
    }

    @Test
    void sameProtocolAndPortConflicts() {
        NodeInfo node = nodeInfo(node("n"), withHostPort("a", "TCP", null, 8080));
        Status s = filter(withHostPort("b", "TCP", null, 8080), node);
        assertEquals(Status.Code.UNSCHEDULABLE, s.code());
        assertEquals("node(s) didn't have free ports for the requested pod ports", s.message());
        assertEquals(Status.Code.UNSCHEDULABLE, filter(withHostPort("c", "TCP", "10.0.0.1", 8080), node).code());
    }

    @Test
    void differentProtocolPortOrSpecificAddressesDoNotConflict() {
        NodeInfo node = nodeInfo(node("n"), withHostPort("a", "TCP", "10.0.0.1", 8080));
        assertTrue(filter(withHostPort("b", "UDP", null, 8080), node).isSuccess());
        assertTrue(filter(withHostPort("c", "TCP", null, 8081), node).isSuccess());
        assertTrue(filter(withHostPort("d", "TCP", "10.0.0.2", 8080), node).isSuccess());
    }

    @Test
    void podsWithoutHostPortsSkipTheFilter() {
        assertTrue(filter(pod("p"), nodeInfo(node("n"))).isSkip());
    }
}
