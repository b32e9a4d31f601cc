package io.skiff.kubelet.prober;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One periodic worker per running container instance and probe kind. Results follow the
 * probe's thresholds (successThreshold / failureThreshold consecutive runs); a change of a
 * result calls back with the pod's UID so its worker syncs. Liveness and readiness wait until
 * the startup probe (if any) has succeeded; readiness starts as not ready.
 */
public final class ProbeManager {
    public enum Kind { LIVENESS, READINESS, STARTUP }

    private static final Logger log = LoggerFactory.getLogger(ProbeManager.class);

    private final Prober prober;
    private final ScheduledExecutorService timer;
    private final Consumer<String> onChange;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();

    public ProbeManager(Prober prober, ScheduledExecutorService timer, Consumer<String> onChange) {
        this.prober = prober;
        this.timer = timer;
        this.onChange = onChange;
    }

    /** Starts the workers of a running container instance (idempotent). */
    public void ensure(String podUid, String podName, Container c, String containerId, String podIp) {
        start(Kind.STARTUP, c.getStartupProbe(), podUid, podName, c, containerId, podIp);
        start(Kind.LIVENESS, c.getLivenessProbe(), podUid, podName, c, containerId, podIp);
        start(Kind.READINESS, c.getReadinessProbe(), podUid, podName, c, containerId, podIp);
    }

    /** Stops the workers of every instance not in {@code keep} (dead or removed containers). */
    public void retain(String podUid, Set<String> keepContainerIds) {
        workers.values().removeIf(w -> {
            boolean drop = w.podUid.equals(podUid) && !keepContainerIds.contains(w.containerId);
            if (drop) {
                w.future.cancel(false);
            }
            return drop;
        });
    }

    public boolean started(String containerId, Container c) {
        if (c.getStartupProbe() == null) {
            return true;
        }
        Worker w = workers.get(key(containerId, Kind.STARTUP));
        return w != null && Boolean.TRUE.equals(w.result);
    }

    public boolean ready(String containerId, Container c) {
        if (!started(containerId, c)) {
            return false;
        }
        if (c.getReadinessProbe() == null) {
            return true;
        }
        Worker w = workers.get(key(containerId, Kind.READINESS));
        return w != null && Boolean.TRUE.equals(w.result);
    }

    /** The liveness or startup probe has failed its threshold: the container must be restarted. */
    public String failedToLive(String containerId) {
        for (Kind k : new Kind[]{Kind.LIVENESS, Kind.STARTUP}) {
            Worker w = workers.get(key(containerId, k));
            if (w != null && Boolean.FALSE.equals(w.result)) {
                return (k == Kind.LIVENESS ? "Liveness" : "Startup") + " probe failed: " + w.lastMessage;
            }
        }
        return null;
    }

    public void close() {
        workers.values().forEach(w -> w.future.cancel(false));
        workers.clear();
    }

    private void start(Kind kind, Probe probe, String podUid, String podName, Container c, String containerId, String podIp) {
        if (probe == null) {
            return;
        }
        workers.computeIfAbsent(key(containerId, kind), k -> {
            Worker w = new Worker(kind, probe, podUid, podName, c, containerId, podIp);
            long period = Math.max(1, probe.getPeriodSeconds() == null ? 10 : probe.getPeriodSeconds());
            long delay = probe.getInitialDelaySeconds() == null ? 0 : probe.getInitialDelaySeconds();
            w.future = timer.scheduleWithFixedDelay(w::runOnce, delay * 1000, period * 1000, TimeUnit.MILLISECONDS);
            return w;
        });
    }

    private static String key(String containerId, Kind kind) {
        return containerId + "/" + kind;
    }

    private final class Worker {
        final Kind kind;
        final Probe probe;
        final String podUid;
        final String podName;
        final Container container;
        final String containerId;
        final String podIp;
        volatile ScheduledFuture<?> future;
        volatile Boolean result;
        volatile String lastMessage = "";
        int successes;
        int failures;

        Worker(Kind kind, Probe probe, String podUid, String podName, Container container, String containerId, String podIp) {
            this.kind = kind;
            this.probe = probe;
            this.podUid = podUid;
            this.podName = podName;
            this.container = container;
            this.containerId = containerId;
            this.podIp = podIp;
        }

        void runOnce() {
            if (kind != Kind.STARTUP && !started(containerId, container)) {
                return;
            }
            if (kind == Kind.STARTUP && Boolean.TRUE.equals(result)) {
                return; // a startup probe stops once it has succeeded
            }
            ProbeResult r = prober.run(probe, container, containerId, podIp);
            Boolean before = result;
            if (r.success()) {
                failures = 0;
                successes++;
                int threshold = probe.getSuccessThreshold() == null ? 1 : probe.getSuccessThreshold();
                if (successes >= threshold) {
                    result = true;
                }
            } else {
                successes = 0;
                failures++;
                lastMessage = r.message();
                int threshold = probe.getFailureThreshold() == null ? 3 : probe.getFailureThreshold();
                if (failures >= threshold) {
                    result = false;
                }
            }
            if (before != result && result != null) {
                log.info("{} probe of {}/{} now {}{}", kind.name().toLowerCase(), podName, container.getName(),
                        result ? "succeeds" : "fails", result ? "" : ": " + lastMessage);
                onChange.accept(podUid);
            }
        }
    }
}
