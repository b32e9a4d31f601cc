package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.ClusterView;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.PreFilterPlugin;
import io.skiff.scheduler.framework.FilterPlugin;
import io.skiff.scheduler.framework.ScorePlugin;
import io.skiff.scheduler.framework.Status;

import java.util.List;
import java.util.Map;

/**
 * Filter: the node's labels satisfy {@code spec.nodeSelector} and the required node affinity.
 * Score: the sum of the weights of the preferred terms the node matches.
 */
public final class NodeAffinity implements PreFilterPlugin, FilterPlugin, ScorePlugin {
    public static final String NAME = "NodeAffinity";
    static final String REASON = "node(s) didn't match Pod's node affinity/selector";

    @Override
    public String name() {
        return NAME;
    }

    /** Most pods constrain nothing: skip Filter for them. */
    @Override
    public Status preFilter(CycleState state, Pod pod, ClusterView cluster) {
        Map<String, String> selector = pod.getSpec() == null ? null : pod.getSpec().getNodeSelector();
        io.fabric8.kubernetes.api.model.NodeAffinity a = nodeAffinity(pod);
        boolean constrained = selector != null && !selector.isEmpty() || a != null && a.getRequiredDuringSchedulingIgnoredDuringExecution() != null;
        return constrained ? Status.success() : Status.skip();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        return fits(pod, node) ? Status.success() : Status.unresolvable(REASON);
    }

    /** Whether the node satisfies the pod's nodeSelector and required node affinity (PodTopologySpread reuses this). */
    static boolean fits(Pod pod, NodeInfo node) {
        Map<String, String> selector = pod.getSpec() == null ? null : pod.getSpec().getNodeSelector();
        if (selector != null) {
            Map<String, String> labels = node.labels();
            for (Map.Entry<String, String> e : selector.entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        NodeSelector required = nodeAffinity(pod) == null ? null : nodeAffinity(pod).getRequiredDuringSchedulingIgnoredDuringExecution();
        return required == null || required.getNodeSelectorTerms() == null
                || NodeSelectorTerms.anyMatches(required.getNodeSelectorTerms(), node);
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> feasible, io.skiff.scheduler.framework.ClusterView cluster) {
        return preferred(pod).isEmpty() ? Status.skip() : Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        long sum = 0;
        for (PreferredSchedulingTerm t : preferred(pod)) {
            if (t.getPreference() != null && NodeSelectorTerms.matches(t.getPreference(), node)) {
                sum += t.getWeight() == null ? 0 : t.getWeight();
            }
        }
        return sum;
    }

    @Override
    public void normalize(CycleState state, Pod pod, long[] scores) {
        Scores.scaleToMax(scores);
    }

    @Override
    public int weight() {
        return 2;
    }

    private static List<PreferredSchedulingTerm> preferred(Pod pod) {
        io.fabric8.kubernetes.api.model.NodeAffinity a = nodeAffinity(pod);
        List<PreferredSchedulingTerm> p = a == null ? null : a.getPreferredDuringSchedulingIgnoredDuringExecution();
        return p == null ? List.of() : p;
    }

    private static io.fabric8.kubernetes.api.model.NodeAffinity nodeAffinity(Pod pod) {
        Affinity a = pod.getSpec() == null ? null : pod.getSpec().getAffinity();
        return a == null ? null : a.getNodeAffinity();
    }
}
