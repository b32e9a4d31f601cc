package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.cache.PodRequests;
import io.skiff.scheduler.framework.ClusterView;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.FilterPlugin;
import io.skiff.scheduler.framework.PreFilterPlugin;
import io.skiff.scheduler.framework.Status;

import java.util.ArrayList;
import java.util.List;

/**
 * The node must have room for the pod: one more pod under {@code allocatable.pods}, and its cpu
 * and memory requests (init containers and overhead included) on top of what the node's pods
 * already request, within allocatable.
 */
public final class NodeResourcesFit implements PreFilterPlugin, FilterPlugin {
    public static final String NAME = "NodeResourcesFit";
    static final CycleState.Key<PodRequests> KEY = CycleState.key("PreFilter" + NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preFilter(CycleState state, Pod pod, ClusterView cluster) {
        state.write(KEY, PodRequests.of(pod));
        return Status.success();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        PodRequests req = state.read(KEY);
        List<String> reasons = insufficient(req == null ? PodRequests.of(pod) : req, node);
        return reasons == null ? Status.success() : Status.unschedulable(reasons.toArray(String[]::new));
    }

    /** The reasons the node lacks room, or null when it has room (the common case allocates nothing). */
    static List<String> insufficient(PodRequests req, NodeInfo node) {
        boolean pods = node.podCount() + 1 > node.allocatablePods();
        boolean cpu = req.milliCpu() > 0 && req.milliCpu() > node.allocatableMilliCpu() - node.requested().milliCpu();
        boolean memory = req.memory() > 0 && req.memory() > node.allocatableMemory() - node.requested().memory();
        if (!pods && !cpu && !memory) {
            return null;
        }
        List<String> reasons = new ArrayList<>(3);
        if (pods) {
            reasons.add("Too many pods");
        }
        if (cpu) {
            reasons.add("Insufficient cpu");
        }
        if (memory) {
            reasons.add("Insufficient memory");
        }
        return reasons;
    }
}
