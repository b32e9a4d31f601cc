package io.skiff.scheduler.cache;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node and what the pods on it (bound and assumed) use, kept up to date incrementally so
 * that a Filter or Score call never has to walk the node's pods to add up requests.
 */
public final class NodeInfo {
    private final String name;
    private Node node;
    private long allocatableMilliCpu;
    private long allocatableMemory;
    private long allocatablePods;
    private boolean unschedulable;
    private List<Taint> taints = List.of();
    private PodRequests requested = PodRequests.ZERO;
    private final Map<String, PodInfo> pods = new LinkedHashMap<>();
    private final List<HostPort> usedPorts = new ArrayList<>();
    private final Map<String, Integer> podsByController = new HashMap<>();
    private int podsWithRequiredAntiAffinity;

    public NodeInfo(String name) {
        this.name = name;
    }

    public NodeInfo(Node node) {
        this(node.getMetadata().getName());
        setNode(node);
    }

    public void setNode(Node node) {
        this.node = node;
        // Copied out of the Node so Filter does not chase through the model objects for every node.
        unschedulable = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
        taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : List.copyOf(node.getSpec().getTaints());
        Map<String, Quantity> alloc = node.getStatus() == null ? null : node.getStatus().getAllocatable();
        if ((alloc == null || alloc.isEmpty()) && node.getStatus() != null) {
            alloc = node.getStatus().getCapacity();
        }
        alloc = alloc == null ? Map.of() : alloc;
        allocatableMilliCpu = PodRequests.milli(alloc.get("cpu"));
        allocatableMemory = PodRequests.units(alloc.get("memory"));
        allocatablePods = PodRequests.units(alloc.get("pods"));
    }

    void clearNode() {
        node = null;
    }

    public void addPod(PodInfo p) {
        if (pods.put(p.key(), p) != null) {
            throw new IllegalStateException("pod " + p.key() + " is already on node " + name);
        }
        requested = requested.plus(p.requests(), 1);
        usedPorts.addAll(p.hostPorts());
        if (p.controllerUid() != null) {
            podsByController.merge(p.controllerUid(), 1, Integer::sum);
        }
        if (p.requiredAntiAffinity()) {
            podsWithRequiredAntiAffinity++;
        }
    }

    /** Removes the pod; false when it was not on this node. */
    public boolean removePod(String key) {
        PodInfo p = pods.remove(key);
        if (p == null) {
            return false;
        }
        requested = requested.plus(p.requests(), -1);
        for (HostPort hp : p.hostPorts()) {
            usedPorts.remove(hp);
        }
        if (p.controllerUid() != null) {
            podsByController.computeIfPresent(p.controllerUid(), (k, n) -> n == 1 ? null : n - 1);
        }
        if (p.requiredAntiAffinity()) {
            podsWithRequiredAntiAffinity--;
        }
        return true;
    }

    public String name() {
        return name;
    }

    /** The Node object, or null while only pods bound to a not-yet-seen node are known. */
    public Node node() {
        return node;
    }

    public Map<String, String> labels() {
        Map<String, String> l = node == null ? null : node.getMetadata().getLabels();
        return l == null ? Map.of() : l;
    }

    /** {@code spec.unschedulable}: the node is cordoned. */
    public boolean unschedulable() {
        return unschedulable;
    }

    public List<Taint> taints() {
        return taints;
    }

    public long allocatableMilliCpu() {
        return allocatableMilliCpu;
    }

    public long allocatableMemory() {
        return allocatableMemory;
    }

    public long allocatablePods() {
        return allocatablePods;
    }

    public PodRequests requested() {
        return requested;
    }

    public Collection<PodInfo> pods() {
        return Collections.unmodifiableCollection(pods.values());
    }

    public int podCount() {
        return pods.size();
    }

    public List<HostPort> usedPorts() {
        return Collections.unmodifiableList(usedPorts);
    }

    /** How many pods of the given controller (by UID) are on this node. */
    public int podsOfController(String controllerUid) {
        return podsByController.getOrDefault(controllerUid, 0);
    }

    public int podsWithRequiredAntiAffinity() {
        return podsWithRequiredAntiAffinity;
    }

    @Override
    public String toString() {
        return "NodeInfo[" + name + ", pods=" + pods.size() + ", cpu=" + requested.milliCpu() + "m/" + allocatableMilliCpu + "m]";
    }
}
