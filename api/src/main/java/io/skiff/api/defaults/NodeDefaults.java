package io.skiff.api.defaults;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.LinkedHashMap;
import java.util.Map;

/** Nodes: a node that reports capacity but not allocatable can allocate all of it. */
final class NodeDefaults {
    private NodeDefaults() {
    }

    static void apply(Node node) {
        if (node.getStatus() == null) {
            return;
        }
        Map<String, Quantity> capacity = node.getStatus().getCapacity();
        Map<String, Quantity> allocatable = node.getStatus().getAllocatable();
        if ((allocatable == null || allocatable.isEmpty()) && capacity != null && !capacity.isEmpty()) {
            Map<String, Quantity> copy = new LinkedHashMap<>();
            capacity.forEach((k, v) -> copy.put(k, new Quantity(v.getAmount(), v.getFormat())));
            node.getStatus().setAllocatable(copy);
        }
    }
}
