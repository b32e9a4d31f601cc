package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

/** The ReplicaSet writes a rollout strategy makes; each updates the {@link Rollout} it is given. */
interface ReplicaSetWrites {
    /** Sets a set's replicas (and its desired/max annotations); returns the stored set. */
    ReplicaSet scale(Rollout r, ReplicaSet rs, int replicas);

    /** Creates the new set for the Deployment's template with {@code replicas}. */
    void createNewReplicaSet(Rollout r, int replicas);

    /** Deletes old empty sets beyond the revision history limit. */
    void cleanupOldReplicaSets(Rollout r);
}
