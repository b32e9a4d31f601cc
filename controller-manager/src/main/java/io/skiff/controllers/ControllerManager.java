package io.skiff.controllers;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.skiff.client.Informers;
import io.skiff.client.LeaderElection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs every controller while this process holds the leader Lease (or at once without leader
 * election). Losing the lease stops all controllers, then this process stands for election
 * again; {@link #close} stops everything and releases the lease.
 */
public final class ControllerManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControllerManager.class);
    private final KubernetesClient client;
    private final ControllerManagerOptions opts;
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "controller-manager-lifecycle");
        t.setDaemon(true);
        return t;
    });
    private final List<AutoCloseable> running = new ArrayList<>();
    private Informers informers;
    private LeaderElection election;
    private boolean closed;

    private ControllerManager(KubernetesClient client, ControllerManagerOptions opts) {
        this.client = client;
        this.opts = opts;
    }

    /** Starts the controller manager; it acts once it is leader. */
    public static ControllerManager start(KubernetesClient client, ControllerManagerOptions opts) {
        ControllerManager cm = new ControllerManager(client, opts);
        if (opts.leaderElect()) {
            cm.elect();
        } else {
            cm.submit(cm::startControllers);
        }
        return cm;
    }

    private synchronized void elect() {
        if (closed) {
            return;
        }
        election = LeaderElection.start(client, opts.leaseNamespace(), opts.leaseName(), opts.identity(),
                opts.leaderTimings(), () -> submit(this::startControllers), () -> submit(() -> {
                    stopControllers();
                    elect();
                }));
    }

    private synchronized void startControllers() {
        if (closed || informers != null) {
            return;
        }
        informers = new Informers(client);
        int w = opts.workers();
        var replicaSets = ReplicaSetController.forReplicaSets(client, informers);
        var rcs = ReplicaSetController.forReplicationControllers(client, informers);
        var deployments = new DeploymentController(client, informers);
        var endpoints = new EndpointsController(client, informers);
        var slices = new EndpointSliceController(client, informers);
        var gc = new GarbageCollector(client, informers);
        var serviceAccounts = new ServiceAccountController(client, informers);
        var ipam = new NodeIpamController(client, informers, opts.clusterCidr());
        var lifecycleController = new NodeLifecycleController(client, informers, opts.nodeMonitorGracePeriod(),
                opts.podEvictionTimeout());
        try {
            informers.start(Duration.ofSeconds(60));
        } catch (Exception e) {
            log.error("informers did not sync: {}", e.toString());
            informers.close();
            informers = null;
            submit(this::startControllers);
            return;
        }
        replicaSets.start(w);
        rcs.start(w);
        deployments.start(w);
        endpoints.start(w);
        slices.start(w);
        gc.start(w);
        serviceAccounts.start(1);
        ipam.start(1);
        lifecycleController.start(1);
        running.addAll(List.of(replicaSets, rcs, deployments, endpoints, slices, gc, serviceAccounts, ipam,
                lifecycleController));
        log.info("controller manager {} started {} controllers", opts.identity(), running.size());
    }

    private synchronized void stopControllers() {
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("stopping {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
        running.clear();
        if (informers != null) {
            informers.close();
            informers = null;
        }
    }

    /** Runs lifecycle steps one at a time, off the election and informer threads; none after close. */
    private void submit(Runnable step) {
        try {
            lifecycle.execute(step);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("controller manager closed; lifecycle step dropped");
        }
    }

    /** Whether the controllers are running (this process leads). */
    public synchronized boolean isLeading() {
        return informers != null && !running.isEmpty();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (election != null) {
            election.close();
        }
        lifecycle.execute(this::stopControllers);
        lifecycle.shutdown();
        try {
            lifecycle.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
