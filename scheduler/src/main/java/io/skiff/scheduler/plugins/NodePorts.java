package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.HostPort;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.ClusterView;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.FilterPlugin;
import io.skiff.scheduler.framework.PreFilterPlugin;
import io.skiff.scheduler.framework.Status;

import java.util.List;

/** The host ports the pod asks for must be free on the node (same protocol and port, overlapping host IP). */
public final class NodePorts implements PreFilterPlugin, FilterPlugin {
    public static final String NAME = "NodePorts";
    static final String REASON = "node(s) didn't have free ports for the requested pod ports";
    private static final CycleState.Key<List<HostPort>> KEY = CycleState.key("PreFilter" + NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preFilter(CycleState state, Pod pod, ClusterView cluster) {
        List<HostPort> wanted = HostPort.of(pod);
        if (wanted.isEmpty()) {
            return Status.skip();
        }
        state.write(KEY, wanted);
        return Status.success();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        List<HostPort> wanted = state.read(KEY);
        return fits(wanted == null ? HostPort.of(pod) : wanted, node) ? Status.success() : Status.unschedulable(REASON);
    }

    static boolean fits(List<HostPort> wanted, NodeInfo node) {
        for (HostPort w : wanted) {
            for (HostPort used : node.usedPorts()) {
                if (w.conflictsWith(used)) {
                    return false;
                }
            }
        }
        return true;
    }
}
