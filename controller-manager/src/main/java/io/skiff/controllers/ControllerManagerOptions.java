package io.skiff.controllers;

import io.skiff.client.LeaderElection;

import java.time.Duration;
import java.util.UUID;

/**
 * Settings of the controller manager, with Kubernetes' defaults.
 *
 * @param workers                  concurrent reconciles per controller
 * @param leaderElect              whether to take a Lease before acting (off only for a lone test process)
 * @param leaseNamespace           namespace of the leader Lease
 * @param leaseName                name of the leader Lease
 * @param identity                 this process's holder identity in the Lease
 * @param leaderTimings            lease duration, renew deadline, retry period
 * @param nodeMonitorGracePeriod   how long a node's Lease may go unrenewed before it is NotReady/Unknown
 * @param podEvictionTimeout       toleration seconds for the unreachable/not-ready taints when a pod sets none
 * @param clusterCidr              the pod network NodeIpam cuts one /24 per node out of
 */
public record ControllerManagerOptions(int workers, boolean leaderElect, String leaseNamespace, String leaseName,
                                       String identity, LeaderElection.Timings leaderTimings,
                                       Duration nodeMonitorGracePeriod, Duration podEvictionTimeout,
                                       String clusterCidr) {

    public static ControllerManagerOptions defaults() {
        return new ControllerManagerOptions(5, true, "kube-system", "kube-controller-manager",
                "skiff-controller-manager-" + UUID.randomUUID().toString().substring(0, 8),
                LeaderElection.Timings.defaults(), Duration.ofSeconds(40), Duration.ofSeconds(300), "10.244.0.0/16");
    }

    public ControllerManagerOptions withWorkers(int n) {
        return new ControllerManagerOptions(n, leaderElect, leaseNamespace, leaseName, identity, leaderTimings,
                nodeMonitorGracePeriod, podEvictionTimeout, clusterCidr);
    }

    public ControllerManagerOptions withLeaderElect(boolean on) {
        return new ControllerManagerOptions(workers, on, leaseNamespace, leaseName, identity, leaderTimings,
                nodeMonitorGracePeriod, podEvictionTimeout, clusterCidr);
    }

    public ControllerManagerOptions withIdentity(String id) {
        return new ControllerManagerOptions(workers, leaderElect, leaseNamespace, leaseName, id, leaderTimings,
                nodeMonitorGracePeriod, podEvictionTimeout, clusterCidr);
    }

    public ControllerManagerOptions withLeaderTimings(LeaderElection.Timings t) {
        return new ControllerManagerOptions(workers, leaderElect, leaseNamespace, leaseName, identity, t,
                nodeMonitorGracePeriod, podEvictionTimeout, clusterCidr);
    }

    public ControllerManagerOptions withNodeMonitorGracePeriod(Duration d) {
        return new ControllerManagerOptions(workers, leaderElect, leaseNamespace, leaseName, identity, leaderTimings,
                d, podEvictionTimeout, clusterCidr);
    }

    public ControllerManagerOptions withPodEvictionTimeout(Duration d) {
        return new ControllerManagerOptions(workers, leaderElect, leaseNamespace, leaseName, identity, leaderTimings,
                nodeMonitorGracePeriod, d, clusterCidr);
    }

    public ControllerManagerOptions withClusterCidr(String cidr) {
        return new ControllerManagerOptions(workers, leaderElect, leaseNamespace, leaseName, identity, leaderTimings,
                nodeMonitorGracePeriod, podEvictionTimeout, cidr);
    }
}
