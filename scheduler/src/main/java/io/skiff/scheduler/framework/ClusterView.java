package io.skiff.scheduler.framework;

import io.skiff.scheduler.cache.NodeInfo;

import java.util.List;

/**
 * What plugins may read of the cluster during one attempt: every node with its pods (assumed
 * ones included). Read-only and stable for the attempt (the scheduler holds the cache meanwhile).
 */
public interface ClusterView {
    List<NodeInfo> nodes();

    NodeInfo node(String name);

    /** How many pods in the cluster declare required pod anti-affinity (lets plugins skip work). */
    int podsWithRequiredAntiAffinity();
}
