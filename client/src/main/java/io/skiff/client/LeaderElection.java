package io.skiff.client;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease. {@code onStartedLeading} runs
 * when this process takes the lease; {@code onStoppedLeading} when it loses it (the caller
 * must then stop acting: another process may already lead). Closing releases the lease so
 * that a standby takes over at once rather than after the lease expires.
 */
public final class LeaderElection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);
    private final CompletableFuture<?> running;

    /** Timings: a crashed leader is replaced after at most {@code leaseDuration + retryPeriod}. */
    public record Timings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        public static Timings defaults() {
            return new Timings(Duration.ofSeconds(12), Duration.ofSeconds(8), Duration.ofSeconds(2));
        }
    }

    private LeaderElection(CompletableFuture<?> running) {
        this.running = running;
    }

    public static LeaderElection start(KubernetesClient client, String namespace, String leaseName, String identity,
                                       Timings timings, Runnable onStartedLeading, Runnable onStoppedLeading) {
        var config = new LeaderElectionConfigBuilder()
                .withName(leaseName)
                .withLock(new LeaseLock(namespace, leaseName, identity))
                .withLeaseDuration(timings.leaseDuration())
                .withRenewDeadline(timings.renewDeadline())
                .withRetryPeriod(timings.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> {
                            log.info("{} became leader of lease {}/{}", identity, namespace, leaseName);
                            onStartedLeading.run();
                        },
                        () -> {
                            log.info("{} stopped leading lease {}/{}", identity, namespace, leaseName);
                            onStoppedLeading.run();
                        },
                        leader -> log.info("lease {}/{} is held by {}", namespace, leaseName, leader)))
                .build();
        return new LeaderElection(client.leaderElector().withConfig(config).build().start());
    }

    @Override
    public void close() {
        running.cancel(true);
    }
}
