package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.List;

/** The Recreate strategy: every old set to zero, wait until their pods are gone, then the new set. */
final class Recreate {
    private final ReplicaSetWrites writes;

    Recreate(ReplicaSetWrites writes) {
        this.writes = writes;
    }

    void rollout(Rollout r) {
        boolean scaledDown = false;
        for (ReplicaSet rs : List.copyOf(r.old)) {
            if (DeploymentReplicaSets.specReplicas(rs) > 0) {
                r.store(rs, writes.scale(r, rs, 0));
                scaledDown = true;
            }
        }
        if (scaledDown || r.old.stream().anyMatch(rs -> DeploymentReplicaSets.statusReplicas(rs) > 0)) {
            return; // the new pods start only once every old one is gone
        }
        if (r.newRS == null) {
            writes.createNewReplicaSet(r, r.replicas());
        } else if (DeploymentReplicaSets.specReplicas(r.newRS) != r.replicas()) {
            r.newRS = writes.scale(r, r.newRS, r.replicas());
        } else if (r.isDone()) {
            writes.cleanupOldReplicaSets(r);
        }
    }
}
