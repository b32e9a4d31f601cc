package io.skiff.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Runs once per attempt before any node is filtered: computes what Filter needs into the
 * CycleState, rejects the pod outright, or returns {@link Status#skip()} so Filter is not run.
 */
public interface PreFilterPlugin extends Plugin {
    Status preFilter(CycleState state, Pod pod, ClusterView cluster);
}
