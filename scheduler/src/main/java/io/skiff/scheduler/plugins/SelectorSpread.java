package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.cache.PodInfo;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.ScorePlugin;
import io.skiff.scheduler.framework.Status;

import java.util.List;

/**
 * Spreads a workload's replicas: a node with fewer pods of the same controller (the owner
 * reference marked {@code controller: true}, e.g. the ReplicaSet) scores higher. The cache
 * keeps per-node counts by controller, so this is one map lookup per node.
 */
public final class SelectorSpread implements ScorePlugin {
    public static final String NAME = "SelectorSpread";
    private static final CycleState.Key<String> KEY = CycleState.key("PreScore" + NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> feasible, io.skiff.scheduler.framework.ClusterView cluster) {
        String owner = PodInfo.controllerUid(pod);
        if (owner == null) {
            return Status.skip();
        }
        state.write(KEY, owner);
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        String owner = state.read(KEY);
        return owner == null ? 0 : node.podsOfController(owner);
    }

    @Override
    public void normalize(CycleState state, Pod pod, long[] scores) {
        Scores.reverse(scores);
    }

    @Override
    public int weight() {
        return 2;
    }
}
