package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.FilterPlugin;
import io.skiff.scheduler.framework.ScorePlugin;
import io.skiff.scheduler.framework.Status;

import java.util.List;

/**
 * Filter: a node with a NoSchedule or NoExecute taint the pod does not tolerate is out.
 * Score: fewer untolerated PreferNoSchedule taints is better.
 */
public final class TaintToleration implements FilterPlugin, ScorePlugin {
    public static final String NAME = "TaintToleration";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        for (Taint t : taints(node)) {
            boolean blocking = "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect());
            if (blocking && !Tolerations.tolerates(pod, t)) {
                return Status.unresolvable("node(s) had untolerated taint {" + t.getKey() + ": "
                        + (t.getValue() == null ? "" : t.getValue()) + "}");
            }
        }
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        long untolerated = 0;
        for (Taint t : taints(node)) {
            if ("PreferNoSchedule".equals(t.getEffect()) && !Tolerations.tolerates(pod, t)) {
                untolerated++;
            }
        }
        return untolerated;
    }

    @Override
    public void normalize(CycleState state, Pod pod, long[] scores) {
        Scores.reverse(scores);
    }

    @Override
    public int weight() {
        return 3;
    }

    private static List<Taint> taints(NodeInfo node) {
        return node.taints();
    }
}
