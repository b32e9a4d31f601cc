package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.skiff.api.selector.LabelSelector;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.cache.PodInfo;
import io.skiff.scheduler.framework.ClusterView;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.FilterPlugin;
import io.skiff.scheduler.framework.PreFilterPlugin;
import io.skiff.scheduler.framework.ScorePlugin;
import io.skiff.scheduler.framework.Status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code topologySpreadConstraints}: matching pods (same namespace, the constraint's selector)
 * are counted per topology domain over the nodes the pod may use (its nodeSelector and required
 * node affinity, and carrying every constraint's key). DoNotSchedule: placing the pod must keep
 * {@code count(domain) + 1 − min(count)} within maxSkew. ScheduleAnyway: fewer matches score higher.
 */
public final class PodTopologySpread implements PreFilterPlugin, FilterPlugin, ScorePlugin {
    public static final String NAME = "PodTopologySpread";
    static final String REASON = "node(s) didn't match pod topology spread constraints";
    static final String MISSING_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";
    private static final CycleState.Key<List<Spread>> KEY = CycleState.key("PreFilter" + NAME);
    private static final CycleState.Key<List<Spread>> SCORE_KEY = CycleState.key("PreScore" + NAME);

    /** One constraint with its per-domain counts. */
    record Spread(String topologyKey, int maxSkew, LabelSelector selector, Map<String, Long> counts, boolean selfMatch) {
        long min() {
            long m = Long.MAX_VALUE;
            for (long c : counts.values()) {
                m = Math.min(m, c);
            }
            return m == Long.MAX_VALUE ? 0 : m;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preFilter(CycleState state, Pod pod, ClusterView cluster) {
        List<TopologySpreadConstraint> hard = constraints(pod, "DoNotSchedule");
        if (hard.isEmpty()) {
            return Status.skip();
        }
        state.write(KEY, count(pod, hard, cluster));
        return Status.success();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        List<Spread> spreads = state.read(KEY);
        for (Spread s : spreads) {
            String domain = node.labels().get(s.topologyKey());
            if (domain == null) {
                return Status.unresolvable(MISSING_LABEL);
            }
            long skew = s.counts().getOrDefault(domain, 0L) + (s.selfMatch() ? 1 : 0) - s.min();
            if (skew > s.maxSkew()) {
                return Status.unschedulable(REASON);
            }
        }
        return Status.success();
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> feasible, ClusterView cluster) {
        List<TopologySpreadConstraint> soft = constraints(pod, "ScheduleAnyway");
        if (soft.isEmpty()) {
            return Status.skip();
        }
        state.write(SCORE_KEY, count(pod, soft, cluster));
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        List<Spread> spreads = state.read(SCORE_KEY);
        long sum = 0;
        for (Spread s : spreads) {
            sum += s.counts().getOrDefault(node.labels().get(s.topologyKey()), 0L);
        }
        return sum;
    }

    @Override
    public void normalize(CycleState state, Pod pod, long[] scores) {
        Scores.reverse(scores);
    }

    @Override
    public int weight() {
        return 2;
    }

    static List<Spread> count(Pod pod, List<TopologySpreadConstraint> constraints, ClusterView cluster) {
        String ns = pod.getMetadata().getNamespace();
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        List<Spread> spreads = new ArrayList<>();
        for (TopologySpreadConstraint c : constraints) {
            LabelSelector sel = c.getLabelSelector() == null ? LabelSelector.nothing() : LabelSelector.from(c.getLabelSelector());
            spreads.add(new Spread(c.getTopologyKey(), c.getMaxSkew() == null ? 1 : c.getMaxSkew(), sel, new HashMap<>(), sel.matches(labels)));
        }
        for (NodeInfo node : cluster.nodes()) {
            if (!NodeAffinity.fits(pod, node) || !spreads.stream().allMatch(s -> node.labels().containsKey(s.topologyKey()))) {
                continue;
            }
            for (Spread s : spreads) {
                long n = 0;
                for (PodInfo p : node.pods()) {
                    if (ns.equals(p.namespace()) && s.selector().matches(p.labels())) {
                        n++;
                    }
                }
                s.counts().merge(node.labels().get(s.topologyKey()), n, Long::sum);
            }
        }
        return spreads;
    }

    private static List<TopologySpreadConstraint> constraints(Pod pod, String whenUnsatisfiable) {
        List<TopologySpreadConstraint> all = pod.getSpec() == null ? null : pod.getSpec().getTopologySpreadConstraints();
        if (all == null) {
            return List.of();
        }
        return all.stream().filter(c -> whenUnsatisfiable.equals(c.getWhenUnsatisfiable())).toList();
    }
}
