package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.ArrayList;
import java.util.List;

/** One reconcile's view of a Deployment and its ReplicaSets, updated as the reconcile writes. */
final class Rollout {
    Deployment d;
    /** The set whose template is the Deployment's, if any. */
    ReplicaSet newRS;
    /** The new set, if this reconcile created it. */
    ReplicaSet createdRS;
    final List<ReplicaSet> old = new ArrayList<>();

    Rollout(Deployment d) {
        this.d = d;
    }

    List<ReplicaSet> all() {
        List<ReplicaSet> all = new ArrayList<>(old);
        if (newRS != null) {
            all.add(newRS);
        }
        return all;
    }

    String ns() {
        return d.getMetadata().getNamespace();
    }

    int replicas() {
        return RollingParameters.replicas(d);
    }

    /** Replaces a set by its stored version after a write. */
    void store(ReplicaSet before, ReplicaSet after) {
        if (newRS != null && newRS.getMetadata().getUid().equals(before.getMetadata().getUid())) {
            newRS = after;
        } else {
            old.replaceAll(x -> x.getMetadata().getUid().equals(before.getMetadata().getUid()) ? after : x);
        }
    }

    /** The new set, or else the newest old one. */
    ReplicaSet latest() {
        if (newRS != null) {
            return newRS;
        }
        return old.stream().max(DeploymentReplicaSets.BY_CREATION).orElse(null);
    }

    /** Every replica on the new template and available, and no old pod left. */
    boolean isDone() {
        return newRS != null && old.stream().allMatch(rs -> DeploymentReplicaSets.specReplicas(rs) == 0
                && DeploymentReplicaSets.statusReplicas(rs) == 0)
                && DeploymentReplicaSets.specReplicas(newRS) == replicas()
                && DeploymentReplicaSets.available(newRS) == replicas();
    }
}
