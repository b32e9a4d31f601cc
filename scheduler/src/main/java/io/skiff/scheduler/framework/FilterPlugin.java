package io.skiff.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.NodeInfo;

/** Decides whether the pod may run on one node. Must not modify the node or the pod. */
public interface FilterPlugin extends Plugin {
    Status filter(CycleState state, Pod pod, NodeInfo node);
}
