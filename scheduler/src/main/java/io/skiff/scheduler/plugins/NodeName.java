package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.ClusterView;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.PreFilterPlugin;
import io.skiff.scheduler.framework.FilterPlugin;
import io.skiff.scheduler.framework.Status;

/** A pod that names its node ({@code spec.nodeName}) fits that node only. */
public final class NodeName implements PreFilterPlugin, FilterPlugin {
    public static final String NAME = "NodeName";
    static final String REASON = "node(s) didn't match the requested node name";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preFilter(CycleState state, Pod pod, ClusterView cluster) {
        String wanted = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        return wanted == null || wanted.isEmpty() ? Status.skip() : Status.success();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        return fits(pod, node) ? Status.success() : Status.unresolvable(REASON);
    }

    static boolean fits(Pod pod, NodeInfo node) {
        String wanted = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        return wanted == null || wanted.isEmpty() || wanted.equals(node.name());
    }
}
