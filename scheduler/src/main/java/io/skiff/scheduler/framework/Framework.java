package io.skiff.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.NodeInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The plugins of one profile, sorted by extension point, and how each point runs them: PreFilter
 * and Filter stop at the first rejection; Score sums weighted, normalized scores; Reserve undoes
 * what it reserved when a later plugin fails; Bind hands over to the bind plugin.
 */
public final class Framework {
    private final List<PreFilterPlugin> preFilters = new ArrayList<>();
    private final List<FilterPlugin> filters = new ArrayList<>();
    private final List<ScorePlugin> scorers = new ArrayList<>();
    private final List<ReservePlugin> reservers = new ArrayList<>();
    private final BindPlugin binder;

    public Framework(List<? extends Plugin> plugins, BindPlugin binder) {
        for (Plugin p : plugins) {
            if (p instanceof PreFilterPlugin x) {
                preFilters.add(x);
            }
            if (p instanceof FilterPlugin x) {
                filters.add(x);
            }
            if (p instanceof ScorePlugin x) {
                scorers.add(x);
            }
            if (p instanceof ReservePlugin x) {
                reservers.add(x);
            }
        }
        this.binder = binder;
    }

    /** Success, or the first rejection; a plugin answering Skip has its Filter skipped for this attempt. */
    public Status runPreFilter(CycleState state, Pod pod, ClusterView cluster) {
        List<String> skipped = new ArrayList<>();
        for (PreFilterPlugin p : preFilters) {
            Status s = p.preFilter(state, pod, cluster);
            if (s.isSkip()) {
                skipped.add(p.name());
            } else if (!s.isSuccess()) {
                return s.withPlugin(p.name());
            }
        }
        List<FilterPlugin> active = new ArrayList<>(filters.size());
        for (FilterPlugin f : filters) {
            if (!skipped.contains(f.name())) {
                active.add(f);
            }
        }
        state.activeFilters = active;
        return Status.success();
    }

    /** Runs the Filter plugins not skipped at PreFilter (all of them if PreFilter has not run). */
    public Status runFilter(CycleState state, Pod pod, NodeInfo node) {
        List<FilterPlugin> active = state.activeFilters != null ? state.activeFilters : filters;
        for (int i = 0, n = active.size(); i < n; i++) {
            FilterPlugin p = active.get(i);
            Status s = p.filter(state, pod, node);
            if (!s.isSuccess()) {
                return s.withPlugin(p.name());
            }
        }
        return Status.success();
    }

    /** The total score of each feasible node (index-aligned), or null after a PreScore error. */
    public long[] runScore(CycleState state, Pod pod, List<NodeInfo> feasible, ClusterView cluster) {
        long[] total = new long[feasible.size()];
        long[] scores = new long[feasible.size()];
        for (ScorePlugin p : scorers) {
            Status s = p.preScore(state, pod, feasible, cluster);
            if (s.isSkip()) {
                continue;
            }
            if (!s.isSuccess()) {
                return null;
            }
            for (int i = 0; i < scores.length; i++) {
                scores[i] = p.score(state, pod, feasible.get(i));
            }
            p.normalize(state, pod, scores);
            for (int i = 0; i < scores.length; i++) {
                total[i] += scores[i] * p.weight();
            }
        }
        return total;
    }

    public Status runReserve(CycleState state, Pod pod, String nodeName) {
        for (int i = 0; i < reservers.size(); i++) {
            Status s = reservers.get(i).reserve(state, pod, nodeName);
            if (!s.isSuccess()) {
                for (int j = i; j >= 0; j--) {
                    reservers.get(j).unreserve(state, pod, nodeName);
                }
                return s.withPlugin(reservers.get(i).name());
            }
        }
        return Status.success();
    }

    /** Undoes every Reserve plugin, in reverse order (they must tolerate undoing what they did not reserve). */
    public void runUnreserve(CycleState state, Pod pod, String nodeName) {
        for (int i = reservers.size() - 1; i >= 0; i--) {
            reservers.get(i).unreserve(state, pod, nodeName);
        }
    }

    public CompletableFuture<Status> runBind(Pod pod, String nodeName) {
        return binder.bind(pod, nodeName).exceptionally(e -> Status.error(String.valueOf(e.getMessage())))
                .thenApply(s -> s.withPlugin(binder.name()));
    }
}
