package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.cache.PodRequests;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.ScorePlugin;

/**
 * Prefers nodes with the most cpu and memory left after placing the pod (NodeResourcesFit's
 * default LeastAllocated strategy): the mean over cpu and memory of free/allocatable × 100.
 */
public final class LeastAllocated implements ScorePlugin {
    public static final String NAME = "NodeResourcesLeastAllocated";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        PodRequests req = state.read(NodeResourcesFit.KEY);
        req = req == null ? PodRequests.of(pod) : req;
        long cpu = free(node.requested().nonZeroMilliCpu() + req.nonZeroMilliCpu(), node.allocatableMilliCpu());
        long mem = free(node.requested().nonZeroMemory() + req.nonZeroMemory(), node.allocatableMemory());
        return (cpu + mem) / 2;
    }

    static long free(long requested, long allocatable) {
        if (allocatable == 0 || requested > allocatable) {
            return 0;
        }
        return (allocatable - requested) * MAX_NODE_SCORE / allocatable;
    }
}
