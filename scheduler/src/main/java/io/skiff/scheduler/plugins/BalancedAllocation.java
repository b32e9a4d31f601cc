package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.cache.PodRequests;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.ScorePlugin;

/**
 * Prefers nodes whose cpu and memory would be used in equal proportion after placing the pod, so
 * that neither runs out while the other idles: (1 − standard deviation of the two fractions) × 100.
 */
public final class BalancedAllocation implements ScorePlugin {
    public static final String NAME = "NodeResourcesBalancedAllocation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        PodRequests req = state.read(NodeResourcesFit.KEY);
        req = req == null ? PodRequests.of(pod) : req;
        double cpu = fraction(node.requested().nonZeroMilliCpu() + req.nonZeroMilliCpu(), node.allocatableMilliCpu());
        double mem = fraction(node.requested().nonZeroMemory() + req.nonZeroMemory(), node.allocatableMemory());
        double std = Math.abs(cpu - mem) / 2; // the standard deviation of two values
        return (long) ((1 - std) * MAX_NODE_SCORE);
    }

    private static double fraction(long requested, long allocatable) {
        return allocatable == 0 ? 1 : Math.min(1.0, (double) requested / allocatable);
    }
}
