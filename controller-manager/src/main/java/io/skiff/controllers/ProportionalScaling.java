package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scaling a Deployment while several of its ReplicaSets are active (mid-rollout): the
 * change is shared out in proportion to each set's size, as Kubernetes does, so a rollout
 * in progress keeps its ratio rather than putting every new replica in one set. Sets grow
 * largest first (newer first on ties) and shrink largest first (older first); the total
 * never exceeds {@code replicas + maxSurge}.
 */
final class ProportionalScaling {
    private ProportionalScaling() {
    }

    /** Whether {@code spec.replicas} changed since the active sets were last sized for it. */
    static boolean isScalingEvent(Deployment d, List<ReplicaSet> sets) {
        int replicas = RollingParameters.replicas(d);
        for (ReplicaSet rs : sets) {
            if (DeploymentReplicaSets.specReplicas(rs) == 0) {
                continue;
            }
            Integer desired = intAnnotation(rs, DeploymentReplicaSets.DESIRED_REPLICAS);
            if (desired != null && desired != replicas) {
                return true;
            }
        }
        return false;
    }

    /** The new size of every active set (by name); sets not listed keep theirs. */
    static Map<String, Integer> targets(Deployment d, List<ReplicaSet> active) {
        int replicas = RollingParameters.replicas(d);
        int allowed = replicas > 0 ? replicas + RollingParameters.of(d).maxSurge() : 0;
        int current = DeploymentReplicaSets.specSum(active);
        int toAdd = allowed - current;
        Comparator<ReplicaSet> bySize = Comparator.comparingInt(DeploymentReplicaSets::specReplicas).reversed();
        Comparator<ReplicaSet> order = toAdd > 0
                ? bySize.thenComparing(DeploymentReplicaSets.BY_CREATION.reversed())
                : bySize.thenComparing(DeploymentReplicaSets.BY_CREATION);
        List<ReplicaSet> sorted = active.stream().sorted(order).toList();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        int added = 0;
        for (ReplicaSet rs : sorted) {
            int proportion = proportion(rs, d, toAdd, added);
            sizes.put(rs.getMetadata().getName(), DeploymentReplicaSets.specReplicas(rs) + proportion);
            added += proportion;
        }
        if (!sorted.isEmpty() && added != toAdd) {
            // rounding leftovers go to the largest set
            String first = sorted.get(0).getMetadata().getName();
            sizes.put(first, Math.max(0, sizes.get(first) + toAdd - added));
        }
        return sizes;
    }

    private static int proportion(ReplicaSet rs, Deployment d, int toAdd, int added) {
        int spec = DeploymentReplicaSets.specReplicas(rs);
        if (spec == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        int fraction = fraction(rs, d);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    /** How much this set would change if the whole Deployment scaled from the size it was last sized for. */
    private static int fraction(ReplicaSet rs, Deployment d) {
        int spec = DeploymentReplicaSets.specReplicas(rs);
        int replicas = RollingParameters.replicas(d);
        if (replicas == 0) {
            return -spec;
        }
        int deploymentMax = replicas + RollingParameters.of(d).maxSurge();
        Integer annotated = intAnnotation(rs, DeploymentReplicaSets.MAX_REPLICAS);
        int before = annotated != null && annotated > 0 ? annotated
                : d.getStatus() == null || d.getStatus().getReplicas() == null ? deploymentMax : Math.max(1, d.getStatus().getReplicas());
        return (int) Math.round((double) spec * deploymentMax / before) - spec;
    }

    private static Integer intAnnotation(ReplicaSet rs, String key) {
        Map<String, String> a = rs.getMetadata().getAnnotations();
        if (a == null || a.get(key) == null) {
            return null;
        }
        try {
            return Integer.parseInt(a.get(key));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
