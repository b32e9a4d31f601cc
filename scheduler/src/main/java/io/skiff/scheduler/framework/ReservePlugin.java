package io.skiff.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Holds resources for a pod on its chosen node before binding; {@link #unreserve} must undo
 * {@link #reserve} when a later step (or the binding) fails.
 */
public interface ReservePlugin extends Plugin {
    Status reserve(CycleState state, Pod pod, String nodeName);

    void unreserve(CycleState state, Pod pod, String nodeName);
}
