package io.skiff.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.ClusterView;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.Framework;
import io.skiff.scheduler.framework.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Finds a node for one pod, in three stages:
 * <ol>
 *   <li><b>filter</b>: PreFilter once, then Filter node by node, starting where the previous
 *       attempt stopped and stopping once enough feasible nodes are found (Kubernetes'
 *       adaptive percentageOfNodesToScore: all nodes up to 100, then 50% − nodes/125, at least
 *       5% and 100 nodes), so large clusters are not searched exhaustively for every pod;</li>
 *   <li><b>score</b>: every score plugin ranks the feasible nodes;</li>
 *   <li><b>pick</b>: the highest total, ties broken uniformly at random.</li>
 * </ol>
 * Called with the cache's monitor held; keeps only the rotating start index between calls.
 */
final class SchedulingAlgorithm {
    static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    static final int MIN_FEASIBLE_NODES_PERCENTAGE = 5;

    private final Framework framework;
    private final RandomGenerator random;
    private int nextStartNodeIndex;

    SchedulingAlgorithm(Framework framework, RandomGenerator random) {
        this.framework = framework;
        this.random = random;
    }

    ScheduleResult schedule(CycleState state, Pod pod, ClusterView cluster) {
        List<NodeInfo> nodes = cluster.nodes();
        if (nodes.isEmpty()) {
            return ScheduleResult.unschedulable(new FitError(0));
        }
        // Filter.
        Status pre = framework.runPreFilter(state, pod, cluster);
        if (pre.code() == Status.Code.ERROR) {
            return ScheduleResult.error(pre.message());
        }
        if (!pre.isSuccess()) {
            FitError fit = new FitError(nodes.size());
            fit.add(pre.plugin(), pre.reasons(), nodes.size());
            return ScheduleResult.unschedulable(fit);
        }
        int wanted = numFeasibleNodesToFind(nodes.size());
        List<NodeInfo> feasible = new ArrayList<>(Math.min(wanted, nodes.size()));
        FitError fit = new FitError(nodes.size());
        int evaluated = 0;
        for (; evaluated < nodes.size() && feasible.size() < wanted; evaluated++) {
            NodeInfo node = nodes.get((nextStartNodeIndex + evaluated) % nodes.size());
            Status s = framework.runFilter(state, pod, node);
            if (s.isSuccess()) {
                feasible.add(node);
            } else if (s.isRejected()) {
                fit.add(s.plugin(), s.reasons(), 1);
            } else {
                return ScheduleResult.error(s.message());
            }
        }
        nextStartNodeIndex = (nextStartNodeIndex + evaluated) % nodes.size();
        if (feasible.isEmpty()) {
            return ScheduleResult.unschedulable(fit);
        }
        if (feasible.size() == 1) {
            return ScheduleResult.placed(feasible.get(0).name(), evaluated, 1);
        }
        // Score.
        long[] scores = framework.runScore(state, pod, feasible, cluster);
        if (scores == null) {
            return ScheduleResult.error("a PreScore plugin failed");
        }
        // Pick.
        return ScheduleResult.placed(feasible.get(pickHighest(scores)).name(), evaluated, feasible.size());
    }

    /** The index of the highest score; among equal ones each is chosen with equal probability (reservoir sampling). */
    int pickHighest(long[] scores) {
        int best = 0, ties = 1;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
                ties = 1;
            } else if (scores[i] == scores[best] && random.nextInt(++ties) == 0) {
                best = i;
            }
        }
        return best;
    }

    static int numFeasibleNodesToFind(int numAllNodes) {
        if (numAllNodes <= MIN_FEASIBLE_NODES_TO_FIND) {
            return numAllNodes;
        }
        int percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE, 50 - numAllNodes / 125);
        return Math.max(MIN_FEASIBLE_NODES_TO_FIND, numAllNodes * percentage / 100);
    }
}
