package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.skiff.api.selector.LabelSelector;

/**
 * What the replica logic needs from a kind that keeps N copies of a pod template: apps/v1
 * ReplicaSets and v1 ReplicationControllers differ only in these accessors.
 */
interface ReplicatedKind<T extends HasMetadata> {
    String kind();

    String apiVersion();

    Class<T> type();

    LabelSelector selector(T owner);

    int replicas(T owner);

    PodTemplateSpec template(T owner);

    int minReadySeconds(T owner);

    ReplicaStatus status(T owner);

    /** Sets the status on {@code copy} (a copy, never a cached object). */
    void setStatus(T copy, ReplicaStatus status);
}
