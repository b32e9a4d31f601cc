package io.skiff.scheduler;

import java.time.Duration;
import java.util.UUID;

/**
 * How a scheduler runs. {@link #defaults()} is Kubernetes' kube-scheduler configuration, except
 * a shorter lease (8 s lease, 6 s renew deadline, 1.5 s retry instead of 15/10/2) so that a
 * standby takes over within 15 s of the leader dying (at most lease + retry, about 10 s, plus delays
 * on a loaded machine).
 *
 * @param schedulerName     pods whose {@code spec.schedulerName} equals this are ours
 * @param leaderElect       compete for the Lease; false = act alone (tests, single instance)
 * @param leaseNamespace    where the Lease lives
 * @param leaseName         the Lease's name
 * @param identity          this instance in {@code holderIdentity}
 * @param initialBackoff    first back-off of a pod that failed (doubles per attempt)
 * @param maxBackoff        back-off cap
 * @param maxBindsInFlight  bindings written concurrently before scheduling waits
 */
public record SchedulerOptions(String schedulerName, boolean leaderElect, String leaseNamespace, String leaseName,
                               String identity, Duration leaseDuration, Duration renewDeadline, Duration retryPeriod,
                               Duration initialBackoff, Duration maxBackoff, int maxBindsInFlight) {

    public static SchedulerOptions defaults() {
        return new SchedulerOptions("default-scheduler", true, "kube-system", "kube-scheduler",
                hostName() + "_" + UUID.randomUUID(), Duration.ofSeconds(8), Duration.ofSeconds(6), Duration.ofMillis(1500),
                Duration.ofSeconds(1), Duration.ofSeconds(10), 256);
    }

    public SchedulerOptions withSchedulerName(String name) {
        return new SchedulerOptions(name, leaderElect, leaseNamespace, leaseName, identity, leaseDuration, renewDeadline,
                retryPeriod, initialBackoff, maxBackoff, maxBindsInFlight);
    }

    public SchedulerOptions withLeaderElect(boolean on) {
        return new SchedulerOptions(schedulerName, on, leaseNamespace, leaseName, identity, leaseDuration, renewDeadline,
                retryPeriod, initialBackoff, maxBackoff, maxBindsInFlight);
    }

    public SchedulerOptions withIdentity(String id) {
        return new SchedulerOptions(schedulerName, leaderElect, leaseNamespace, leaseName, id, leaseDuration, renewDeadline,
                retryPeriod, initialBackoff, maxBackoff, maxBindsInFlight);
    }

    public SchedulerOptions withLease(Duration duration, Duration renew, Duration retry) {
        return new SchedulerOptions(schedulerName, leaderElect, leaseNamespace, leaseName, identity, duration, renew, retry,
                initialBackoff, maxBackoff, maxBindsInFlight);
    }

    public SchedulerOptions withBackoff(Duration initial, Duration max) {
        return new SchedulerOptions(schedulerName, leaderElect, leaseNamespace, leaseName, identity, leaseDuration, renewDeadline,
                retryPeriod, initial, max, maxBindsInFlight);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
