package io.skiff.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.NodeInfo;

import java.util.List;

/**
 * Ranks the nodes that passed filtering. Scores end in [0, {@link #MAX_NODE_SCORE}] after
 * {@link #normalize}; the framework multiplies them by {@link #weight()} and sums over plugins.
 */
public interface ScorePlugin extends Plugin {
    long MAX_NODE_SCORE = 100;

    /** Once per attempt, with the feasible nodes and the whole cluster; {@link Status#skip()} means "no opinion on this pod". */
    default Status preScore(CycleState state, Pod pod, List<NodeInfo> feasible, ClusterView cluster) {
        return Status.success();
    }

    long score(CycleState state, Pod pod, NodeInfo node);

    /** Rescales raw scores (index-aligned with the feasible nodes) into [0, MAX_NODE_SCORE]. */
    default void normalize(CycleState state, Pod pod, long[] scores) {
    }

    default int weight() {
        return 1;
    }
}
