package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.FilterPlugin;
import io.skiff.scheduler.framework.Status;

/** Keeps pods off cordoned nodes ({@code spec.unschedulable}) unless they tolerate the unschedulable taint. */
public final class NodeUnschedulable implements FilterPlugin {
    public static final String NAME = "NodeUnschedulable";
    static final String REASON = "node(s) were unschedulable";
    private static final Taint UNSCHEDULABLE = new Taint("NoSchedule", "node.kubernetes.io/unschedulable", null, null);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        return node.unschedulable() && !Tolerations.tolerates(pod, UNSCHEDULABLE) ? Status.unresolvable(REASON) : Status.success();
    }
}
