package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;

/**
 * Counting over a Deployment's ReplicaSets, cautious in the direction that keeps a rollout
 * within its bounds while caches and statuses lag: pods are counted as the larger of
 * {@code spec.replicas} and {@code status.replicas} (a scaled-down set may still have its pods),
 * availability as the smaller of {@code status.availableReplicas} and {@code spec.replicas}
 * (a scaled-down set's status may still count pods being deleted).
 */
final class DeploymentReplicaSets {
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

    /** Oldest first; the order in which old sets are scaled down. */
    static final Comparator<ReplicaSet> BY_CREATION = Comparator
            .comparing((ReplicaSet rs) -> rs.getMetadata().getCreationTimestamp() == null ? "" : rs.getMetadata().getCreationTimestamp())
            .thenComparing(rs -> rs.getMetadata().getName());

    private DeploymentReplicaSets() {
    }

    static int specReplicas(ReplicaSet rs) {
        return rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    }

    static int statusReplicas(ReplicaSet rs) {
        return rs.getStatus() == null || rs.getStatus().getReplicas() == null ? 0 : rs.getStatus().getReplicas();
    }

    static int ready(ReplicaSet rs) {
        return rs.getStatus() == null || rs.getStatus().getReadyReplicas() == null ? 0 : rs.getStatus().getReadyReplicas();
    }

    static int available(ReplicaSet rs) {
        return rs.getStatus() == null || rs.getStatus().getAvailableReplicas() == null ? 0 : rs.getStatus().getAvailableReplicas();
    }

    /** Pods that may exist for these sets right now. */
    static int podsUpperBound(Collection<ReplicaSet> sets) {
        return sets.stream().mapToInt(rs -> Math.max(specReplicas(rs), statusReplicas(rs))).sum();
    }

    static int specSum(Collection<ReplicaSet> sets) {
        return sets.stream().mapToInt(DeploymentReplicaSets::specReplicas).sum();
    }

    /** Available pods that will still exist once every set has reached its spec. */
    static int availableLowerBound(Collection<ReplicaSet> sets) {
        return sets.stream().mapToInt(rs -> Math.min(available(rs), specReplicas(rs))).sum();
    }

    static long revision(ReplicaSet rs) {
        Map<String, String> a = rs.getMetadata().getAnnotations();
        if (a == null || a.get(REVISION) == null) {
            return 0;
        }
        try {
            return Long.parseLong(a.get(REVISION));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
