package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.cache.PodInfo;
import io.skiff.scheduler.framework.ClusterView;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.FilterPlugin;
import io.skiff.scheduler.framework.PreFilterPlugin;
import io.skiff.scheduler.framework.ScorePlugin;
import io.skiff.scheduler.framework.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pod affinity and anti-affinity, for any topologyKey ({@code kubernetes.io/hostname} = per node).
 * PreFilter counts, per topology pair, the existing pods the incoming pod's required terms select,
 * and the existing pods whose required anti-affinity selects the incoming pod; Filter then looks
 * the node's pairs up. Score adds the weights of preferred terms (anti-affinity subtracts).
 */
public final class InterPodAffinity implements PreFilterPlugin, FilterPlugin, ScorePlugin {
    public static final String NAME = "InterPodAffinity";
    static final String AFFINITY = "node(s) didn't match pod affinity rules";
    static final String ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
    static final String EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
    private static final CycleState.Key<Required> KEY = CycleState.key("PreFilter" + NAME);
    private static final CycleState.Key<TopologyCounts> SCORE_KEY = CycleState.key("PreScore" + NAME);

    private record Required(List<PodAffinityTermMatcher> affinity, List<PodAffinityTermMatcher> antiAffinity,
                            TopologyCounts affinityCounts, TopologyCounts antiAffinityCounts,
                            TopologyCounts existingAntiAffinity, boolean selfMatchesAffinity) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preFilter(CycleState state, Pod pod, ClusterView cluster) {
        Affinity a = pod.getSpec() == null ? null : pod.getSpec().getAffinity();
        String ns = pod.getMetadata().getNamespace();
        List<PodAffinityTermMatcher> affinity = a == null || a.getPodAffinity() == null ? List.of()
                : PodAffinityTermMatcher.of(a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(), ns);
        List<PodAffinityTermMatcher> anti = a == null || a.getPodAntiAffinity() == null ? List.of()
                : PodAffinityTermMatcher.of(a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(), ns);
        if (affinity.isEmpty() && anti.isEmpty() && cluster.podsWithRequiredAntiAffinity() == 0) {
            return Status.skip();
        }
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        TopologyCounts affinityCounts = new TopologyCounts(), antiCounts = new TopologyCounts(), existing = new TopologyCounts();
        for (NodeInfo node : cluster.nodes()) {
            Map<String, String> nodeLabels = node.labels();
            boolean scanAll = !affinity.isEmpty() || !anti.isEmpty();
            if (!scanAll && node.podsWithRequiredAntiAffinity() == 0) {
                continue;
            }
            for (PodInfo p : node.pods()) {
                if (!affinity.isEmpty() && affinity.stream().allMatch(t -> t.matches(p))) {
                    for (PodAffinityTermMatcher t : affinity) {
                        addPair(affinityCounts, t.topologyKey(), nodeLabels);
                    }
                }
                for (PodAffinityTermMatcher t : anti) {
                    if (t.matches(p)) {
                        addPair(antiCounts, t.topologyKey(), nodeLabels);
                    }
                }
                if (p.requiredAntiAffinity()) {
                    List<PodAffinityTerm> terms = p.pod().getSpec().getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
                    for (PodAffinityTermMatcher t : PodAffinityTermMatcher.of(terms, p.namespace())) {
                        if (t.matches(ns, labels)) {
                            addPair(existing, t.topologyKey(), nodeLabels);
                        }
                    }
                }
            }
        }
        boolean self = !affinity.isEmpty() && affinity.stream().allMatch(t -> t.matches(ns, labels));
        state.write(KEY, new Required(affinity, anti, affinityCounts, antiCounts, existing, self));
        return Status.success();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        Required r = state.read(KEY);
        Map<String, String> nodeLabels = node.labels();
        if (!satisfiesAffinity(r, nodeLabels)) {
            return Status.unresolvable(AFFINITY);
        }
        for (PodAffinityTermMatcher t : r.antiAffinity()) {
            if (r.antiAffinityCounts().get(t.topologyKey(), nodeLabels.get(t.topologyKey())) > 0) {
                return Status.unschedulable(ANTI_AFFINITY);
            }
        }
        if (r.existingAntiAffinity().anyPositive(nodeLabels)) {
            return Status.unschedulable(EXISTING_ANTI_AFFINITY);
        }
        return Status.success();
    }

    private static boolean satisfiesAffinity(Required r, Map<String, String> nodeLabels) {
        if (r.affinity().isEmpty()) {
            return true;
        }
        boolean allPresent = true;
        for (PodAffinityTermMatcher t : r.affinity()) {
            String v = nodeLabels.get(t.topologyKey());
            if (v == null) {
                return false;
            }
            allPresent &= r.affinityCounts().get(t.topologyKey(), v) > 0;
        }
        // The first pod of a group that selects itself may go anywhere, or it could never start.
        return allPresent || r.affinityCounts().isEmpty() && r.selfMatchesAffinity();
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> feasible, ClusterView cluster) {
        Affinity a = pod.getSpec() == null ? null : pod.getSpec().getAffinity();
        String ns = pod.getMetadata().getNamespace();
        List<PodAffinityTermMatcher> terms = new ArrayList<>();
        if (a != null && a.getPodAffinity() != null) {
            weighted(a.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), ns, 1, terms);
        }
        if (a != null && a.getPodAntiAffinity() != null) {
            weighted(a.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), ns, -1, terms);
        }
        if (terms.isEmpty()) {
            return Status.skip();
        }
        TopologyCounts weights = new TopologyCounts();
        for (NodeInfo node : cluster.nodes()) {
            for (PodInfo p : node.pods()) {
                for (PodAffinityTermMatcher t : terms) {
                    if (t.matches(p) && node.labels().containsKey(t.topologyKey())) {
                        weights.add(t.topologyKey(), node.labels().get(t.topologyKey()), t.weight());
                    }
                }
            }
        }
        state.write(SCORE_KEY, weights);
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        TopologyCounts weights = state.read(SCORE_KEY);
        return weights.sumFor(node.labels());
    }

    @Override
    public void normalize(CycleState state, Pod pod, long[] scores) {
        Scores.minMax(scores);
    }

    @Override
    public int weight() {
        return 2;
    }

    private static void weighted(List<WeightedPodAffinityTerm> in, String ns, int sign, List<PodAffinityTermMatcher> out) {
        if (in != null) {
            for (WeightedPodAffinityTerm w : in) {
                if (w.getPodAffinityTerm() != null) {
                    out.add(PodAffinityTermMatcher.of(w.getPodAffinityTerm(), ns, sign * (long) (w.getWeight() == null ? 0 : w.getWeight())));
                }
            }
        }
    }

    private static void addPair(TopologyCounts counts, String key, Map<String, String> nodeLabels) {
        String v = nodeLabels.get(key);
        if (v != null) {
            counts.add(key, v, 1);
        }
    }
}
