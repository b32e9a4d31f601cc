package io.skiff.scheduler.testing;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.cache.PodInfo;

import java.util.Map;
import java.util.UUID;

/** Nodes and pods for tests, as the API server would hold them. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A Ready node with the given allocatable cpu and memory, 110 pods, and a hostname label. */
    public static NodeBuilder node(String name, String cpu, String memory) {
        Map<String, Quantity> alloc = Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory), "pods", new Quantity("110"));
        return new NodeBuilder().withNewMetadata().withName(name).addToLabels("kubernetes.io/hostname", name).endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus().withCapacity(alloc).withAllocatable(alloc)
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus();
    }

    public static Node node(String name) {
        return node(name, "4", "8Gi").build();
    }

    public static Taint taint(String key, String value, String effect) {
        return new Taint(effect, key, null, value);
    }

    /** A pod with one container requesting the given cpu and memory (null = no request). */
    public static PodBuilder pod(String name, String cpu, String memory) {
        ContainerBuilder c = new ContainerBuilder().withName("app").withImage("nginx");
        if (cpu != null) {
            c.editOrNewResources().addToRequests("cpu", new Quantity(cpu)).endResources();
        }
        if (memory != null) {
            c.editOrNewResources().addToRequests("memory", new Quantity(memory)).endResources();
        }
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("default")
                .withUid(UUID.randomUUID().toString()).endMetadata()
                .withNewSpec().withContainers(c.build()).endSpec();
    }

    public static Pod pod(String name) {
        return pod(name, null, null).build();
    }

    /** A NodeInfo for the node holding the given pods. */
    public static NodeInfo nodeInfo(Node node, Pod... pods) {
        NodeInfo info = new NodeInfo(node);
        for (Pod p : pods) {
            info.addPod(PodInfo.of(p));
        }
        return info;
    }
}
