package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Sizing a Deployment's sets without rolling anything out: while paused, or when {@code spec.replicas} changed. */
final class DeploymentScaler {
    private final ReplicaSetWrites writes;

    DeploymentScaler(ReplicaSetWrites writes) {
        this.writes = writes;
    }

    /**
     * Follows a change of {@code spec.replicas} without rolling anything out: the one active
     * set (or the latest, if none is active) takes it all; a finished new set has the old ones
     * scaled to zero; during a rolling update every active set changes in proportion.
     */
    void scale(Rollout r) {
        List<ReplicaSet> active = r.all().stream().filter(rs -> DeploymentReplicaSets.specReplicas(rs) > 0).toList();
        ReplicaSet single = active.size() == 1 ? active.get(0) : active.isEmpty() ? r.latest() : null;
        if (single != null) {
            r.store(single, writes.scale(r, single, r.replicas())); // also refreshes its desired-replicas annotation
            return;
        }
        if (r.newRS != null && DeploymentReplicaSets.specReplicas(r.newRS) == r.replicas()
                && DeploymentReplicaSets.available(r.newRS) == r.replicas()) {
            r.newRS = writes.scale(r, r.newRS, r.replicas());
            for (ReplicaSet rs : List.copyOf(r.old)) {
                if (DeploymentReplicaSets.specReplicas(rs) > 0) {
                    r.store(rs, writes.scale(r, rs, 0));
                }
            }
            return;
        }
        if (!DeploymentStatusCalculator.isRolling(r.d)) {
            return;
        }
        Map<String, Integer> targets = ProportionalScaling.targets(r.d, active);
        // shrink before growing, so that the total stays within replicas + maxSurge throughout
        List<ReplicaSet> ordered = active.stream().sorted(Comparator.comparingInt((ReplicaSet rs) ->
                targets.get(rs.getMetadata().getName()) - DeploymentReplicaSets.specReplicas(rs))).toList();
        for (ReplicaSet rs : ordered) {
            r.store(rs, writes.scale(r, rs, targets.get(rs.getMetadata().getName())));
        }
    }
}
