package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.List;

/**
 * The RollingUpdate strategy: grow the new set while the pod total stays within
 * {@code replicas + maxSurge}; shrink the old sets (their unavailable pods first) while the
 * available pods stay at or above {@code replicas - maxUnavailable}; once done, trim history.
 */
final class RollingUpdate {
    private final ReplicaSetWrites writes;

    RollingUpdate(ReplicaSetWrites writes) {
        this.writes = writes;
    }

    void rollout(Rollout r) {
        if (r.newRS == null) {
            writes.createNewReplicaSet(r, newReplicaSetTarget(r, 0));
            return;
        }
        if (reconcileNewReplicaSet(r) || reconcileOldReplicaSets(r)) {
            return;
        }
        if (r.isDone()) {
            writes.cleanupOldReplicaSets(r);
        }
    }

    /** How many replicas the new set may have: up to the desired count, never above desired + maxSurge pods in all. */
    private int newReplicaSetTarget(Rollout r, int current) {
        int maxTotal = r.replicas() + RollingParameters.of(r.d).maxSurge();
        int allPods = DeploymentReplicaSets.podsUpperBound(r.old) + current;
        if (allPods >= maxTotal) {
            return current;
        }
        return current + Math.min(maxTotal - allPods, Math.max(0, r.replicas() - current));
    }

    private boolean reconcileNewReplicaSet(Rollout r) {
        int current = DeploymentReplicaSets.specReplicas(r.newRS);
        if (current == r.replicas()) {
            return false;
        }
        if (current > r.replicas()) {
            r.newRS = writes.scale(r, r.newRS, r.replicas());
            return true;
        }
        // the new set's own pods count by spec: they are the ones being created
        int allPods = DeploymentReplicaSets.podsUpperBound(r.old) + current;
        int maxTotal = r.replicas() + RollingParameters.of(r.d).maxSurge();
        if (allPods >= maxTotal) {
            return false;
        }
        int target = newReplicaSetTarget(r, current);
        if (target == current) {
            return false;
        }
        r.newRS = writes.scale(r, r.newRS, target);
        return true;
    }

    private boolean reconcileOldReplicaSets(Rollout r) {
        if (DeploymentReplicaSets.specSum(r.old) == 0) {
            return false;
        }
        int minAvailable = r.replicas() - RollingParameters.of(r.d).maxUnavailable();
        int allPods = DeploymentReplicaSets.specSum(r.all());
        int newUnavailable = DeploymentReplicaSets.specReplicas(r.newRS) - DeploymentReplicaSets.availableLowerBound(List.of(r.newRS));
        int maxScaledDown = allPods - minAvailable - Math.max(0, newUnavailable);
        if (maxScaledDown <= 0) {
            return false;
        }
        // first the old sets' pods that are not available anyway: removing them costs no availability
        int cleaned = 0;
        for (ReplicaSet rs : r.old.stream().sorted(DeploymentReplicaSets.BY_CREATION).toList()) {
            if (cleaned >= maxScaledDown) {
                break;
            }
            int spec = DeploymentReplicaSets.specReplicas(rs);
            int unhealthy = spec - Math.min(DeploymentReplicaSets.available(rs), spec);
            if (spec == 0 || unhealthy == 0) {
                continue;
            }
            int down = Math.min(maxScaledDown - cleaned, unhealthy);
            r.store(rs, writes.scale(r, rs, spec - down));
            cleaned += down;
        }
        // then available ones, as far as minAvailable allows
        int available = DeploymentReplicaSets.availableLowerBound(r.all());
        int budget = available - minAvailable;
        int scaledDown = 0;
        for (ReplicaSet rs : r.old.stream().sorted(DeploymentReplicaSets.BY_CREATION).toList()) {
            if (scaledDown >= budget) {
                break;
            }
            int spec = DeploymentReplicaSets.specReplicas(rs);
            if (spec == 0) {
                continue;
            }
            int down = Math.min(spec, budget - scaledDown);
            r.store(rs, writes.scale(r, rs, spec - down));
            scaledDown += down;
        }
        return cleaned + scaledDown > 0;
    }
}
