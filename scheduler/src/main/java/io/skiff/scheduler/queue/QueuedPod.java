package io.skiff.scheduler.queue;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.Set;

/** A pod waiting in the scheduling queue and what the queue remembers of its attempts. */
public final class QueuedPod {
    private Pod pod;
    final String key;
    final long sequence;
    int attempts;
    long backoffExpiryNanos;
    long unschedulableSinceNanos;
    Set<String> rejectors = Set.of();

    QueuedPod(Pod pod, String key, long sequence) {
        this.pod = pod;
        this.key = key;
        this.sequence = sequence;
    }

    public Pod pod() {
        return pod;
    }

    void setPod(Pod pod) {
        this.pod = pod;
    }

    public int attempts() {
        return attempts;
    }

    /** Kubernetes' pod priority (spec.priority, set by admission from the PriorityClass); 0 when unset. */
    int priority() {
        Integer p = pod.getSpec() == null ? null : pod.getSpec().getPriority();
        return p == null ? 0 : p;
    }

    /** The plugins that rejected the last attempt; cluster events that cannot help them do not requeue it. */
    public Set<String> rejectors() {
        return rejectors;
    }
}
