package io.skiff.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.skiff.scheduler.cache.PodInfo;
import io.skiff.scheduler.cache.SchedulerCache;
import io.skiff.scheduler.framework.CycleState;
import io.skiff.scheduler.framework.Framework;
import io.skiff.scheduler.framework.Status;
import io.skiff.scheduler.plugins.DefaultPlugins;
import io.skiff.scheduler.queue.QueuedPod;
import io.skiff.scheduler.queue.SchedulingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * The scheduler: informers feed the cache (nodes, bound pods) and the queue (unbound pods for
 * {@code schedulerName}); while this instance holds the Lease, one thread takes pods off the
 * queue and runs {@link #scheduleOne}. Use {@link #start} and {@link #close}.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    private static final Duration CACHE_SYNC_TIMEOUT = Duration.ofSeconds(60);

    private final KubernetesClient client;
    private final SchedulerOptions opts;
    private final SchedulerCache cache = new SchedulerCache();
    private final SchedulingQueue queue;
    private final Framework framework;
    private final SchedulingAlgorithm algorithm;
    private final EventRecorder events;
    private final PodConditionWriter conditions;
    private final Semaphore bindsInFlight;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "scheduler-timers"));
    private SharedIndexInformer<Pod> podInformer;
    private SharedIndexInformer<Node> nodeInformer;
    private volatile CompletableFuture<?> election;
    private volatile Thread loop;
    private volatile boolean leading;
    private volatile boolean closed;
    private final LongAdder attempts = new LongAdder();
    private final LongAdder scheduled = new LongAdder();
    private final LongAdder cycleNanos = new LongAdder();

    private Scheduler(KubernetesClient client, SchedulerOptions opts) {
        this.client = client;
        this.opts = opts;
        this.queue = new SchedulingQueue(PodInfo::key, System::nanoTime, opts.initialBackoff(), opts.maxBackoff());
        this.framework = new Framework(DefaultPlugins.all(), new DefaultBinder(client));
        this.algorithm = new SchedulingAlgorithm(framework, RandomGenerator.getDefault());
        this.events = new EventRecorder(client, opts.schedulerName(), opts.identity());
        this.conditions = new PodConditionWriter(client);
        this.bindsInFlight = new Semaphore(opts.maxBindsInFlight());
    }

    /**
     * Starts the informers, waits until they have listed everything, then competes for the Lease
     * (or starts scheduling at once without leader election). Returns once the caches are synced.
     */
    public static Scheduler start(KubernetesClient client, SchedulerOptions opts) {
        Scheduler s = new Scheduler(client, opts);
        s.startInformers();
        s.timers.scheduleWithFixedDelay(s.queue::flush, 1, 1, TimeUnit.SECONDS);
        if (opts.leaderElect()) {
            s.runElection();
        } else {
            s.startLeading();
        }
        return s;
    }

    public boolean isLeader() {
        return leading;
    }

    /** Counters since start: attempts, pods bound, and time spent in scheduling cycles (filter to assume). */
    public record Stats(long attempts, long scheduled, long cycleNanos) {
        /** Mean duration of one scheduling cycle, in microseconds. */
        public double meanCycleMicros() {
            return attempts == 0 ? 0 : cycleNanos / 1000.0 / attempts;
        }
    }

    public Stats stats() {
        return new Stats(attempts.sum(), scheduled.sum(), cycleNanos.sum());
    }

    /** Stops scheduling and the informers and gives up the Lease. Does not close the client. */
    @Override
    public void close() {
        closed = true;
        stopLeading();
        CompletableFuture<?> e = election;
        if (e != null) {
            e.cancel(true); // releases the Lease (releaseOnCancel)
        }
        timers.shutdownNow();
        queue.close();
        if (podInformer != null) {
            podInformer.stop();
        }
        if (nodeInformer != null) {
            nodeInformer.stop();
        }
        events.close();
        conditions.close();
    }

    // ---- one scheduling attempt

    /**
     * Filter → score → pick → assume → reserve, under the cache's monitor so the attempt sees one
     * consistent cluster; then the binding runs asynchronously. Every failure undoes the assumption
     * and puts the pod back in the queue.
     */
    void scheduleOne(QueuedPod queued) {
        Pod pod = queued.pod();
        if (PodEventHandler.assigned(pod) || pod.getMetadata().getDeletionTimestamp() != null || cache.isAssumed(pod)) {
            queue.done(queued); // already placed (a stale queue entry) or going away
            return;
        }
        CycleState state = new CycleState();
        String node;
        long started = System.nanoTime();
        attempts.increment();
        synchronized (cache) {
            ScheduleResult result = algorithm.schedule(state, pod, cache);
            if (!result.isPlaced()) {
                cycleNanos.add(System.nanoTime() - started);
                failed(queued, result);
                return;
            }
            node = result.nodeName();
            cache.assumePod(pod, node);
            Status reserved = framework.runReserve(state, pod, node);
            if (!reserved.isSuccess()) {
                cache.forgetPod(pod);
                failed(queued, ScheduleResult.error(reserved.message()));
                return;
            }
        }
        cycleNanos.add(System.nanoTime() - started);
        bindsInFlight.acquireUninterruptibly();
        framework.runBind(pod, node).whenComplete((status, e) -> {
            bindsInFlight.release();
            if (status != null && status.isSuccess()) {
                queue.done(queued);
                scheduled.increment();
                log.info("Scheduled pod {}/{} to {}", pod.getMetadata().getNamespace(), pod.getMetadata().getName(), node);
                events.scheduled(pod, node);
                return;
            }
            String why = status != null ? status.message() : String.valueOf(e);
            cache.forgetPod(pod);
            framework.runUnreserve(state, pod, node);
            log.info("Binding pod {}/{} to {} failed: {}", pod.getMetadata().getNamespace(), pod.getMetadata().getName(), node, why);
            events.failedScheduling(pod, why);
            queue.requeueAfterFailure(queued, Set.of(), true);
        });
    }

    private void failed(QueuedPod queued, ScheduleResult result) {
        Pod pod = queued.pod();
        if (result.fitError() != null) {
            String message = result.fitError().message();
            log.info("Unable to schedule pod {}/{}: {}", pod.getMetadata().getNamespace(), pod.getMetadata().getName(), message);
            events.failedScheduling(pod, message);
            conditions.unschedulable(pod, message);
            queue.requeueAfterFailure(queued, result.fitError().plugins(), false);
        } else {
            log.warn("Error scheduling pod {}/{}: {}", pod.getMetadata().getNamespace(), pod.getMetadata().getName(), result.error());
            events.failedScheduling(pod, result.error());
            queue.requeueAfterFailure(queued, Set.of(), true);
        }
    }

    private void run() {
        while (leading && !closed) {
            try {
                QueuedPod next = queue.pop(Duration.ofMillis(500));
                if (next != null && leading) {
                    scheduleOne(next);
                } else if (next != null) {
                    queue.requeueAfterFailure(next, Set.of(), true); // lost the Lease between pop and now
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("scheduling attempt failed", e);
            }
        }
    }

    // ---- informers and leader election

    private void startInformers() {
        podInformer = client.pods().inAnyNamespace().runnableInformer(0);
        podInformer.addEventHandler(new PodEventHandler(cache, queue, opts.schedulerName()));
        nodeInformer = client.nodes().runnableInformer(0);
        nodeInformer.addEventHandler(new NodeEventHandler(cache, queue));
        try {
            CompletableFuture.allOf(nodeInformer.start().toCompletableFuture(), podInformer.start().toCompletableFuture())
                    .get(CACHE_SYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("scheduler caches did not sync: " + e, e);
        }
    }

    private void runElection() {
        if (closed) {
            return;
        }
        var config = new LeaderElectionConfigBuilder()
                .withName(opts.leaseName())
                .withLock(new LeaseLock(opts.leaseNamespace(), opts.leaseName(), opts.identity()))
                .withLeaseDuration(opts.leaseDuration())
                .withRenewDeadline(opts.renewDeadline())
                .withRetryPeriod(opts.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(this::startLeading, this::stopLeading,
                        leader -> log.info("Lease {}/{} is held by {}", opts.leaseNamespace(), opts.leaseName(), leader)))
                .build();
        election = client.leaderElector().withConfig(config).build().start();
        // fabric8's elector ends once leadership is lost; compete again unless we are closing.
        election.whenComplete((r, e) -> {
            if (!closed) {
                timers.schedule(this::runElection, opts.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private synchronized void startLeading() {
        if (closed || leading) {
            return;
        }
        log.info("{} started leading; scheduling pods for {}", opts.identity(), opts.schedulerName());
        leading = true;
        loop = daemon(this::run, "scheduler");
        loop.start();
    }

    private synchronized void stopLeading() {
        if (!leading) {
            return;
        }
        log.info("{} stopped leading", opts.identity());
        leading = false;
        Thread t = loop;
        if (t != null) {
            t.interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
