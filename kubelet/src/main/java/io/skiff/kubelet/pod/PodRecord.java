package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the kubelet remembers of one pod between syncs. Only the pod's own worker writes it
 * (one sync at a time), except {@link #pod}, which the watch replaces with each new version.
 */
public final class PodRecord {
    final String uid;
    /** The latest version from the API server; after the API has lost the pod, its last known version. */
    volatile Pod pod;
    /** The API server no longer has the pod (deleted, or forced): kill at once and forget it. */
    volatile boolean removedFromApi;
    PodStatus lastSent;
    Instant startTime;
    String podIp;
    boolean killed;
    /** From a manifest file: the API server only mirrors it, and its deletion does not stop it. */
    boolean isStatic;
    final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    PodRecord(Pod pod) {
        this.uid = pod.getMetadata().getUid();
        this.pod = pod;
        if (pod.getStatus() != null && pod.getStatus().getStartTime() != null) {
            this.startTime = Instant.parse(pod.getStatus().getStartTime());
        }
        if (pod.getStatus() != null && pod.getStatus().getPodIP() != null) {
            this.podIp = pod.getStatus().getPodIP();
        }
    }

    public String uid() {
        return uid;
    }

    public Pod pod() {
        return pod;
    }

    boolean deleting() {
        return removedFromApi || (!isStatic && pod.getMetadata().getDeletionTimestamp() != null);
    }
}
