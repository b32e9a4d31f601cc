package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.Pod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One worker lane per pod: syncs of one pod never overlap, requests that arrive during a sync
 * coalesce into one more sync, and different pods sync in parallel on the shared executor.
 * A failed sync is retried after a short delay (transient runtime or API errors).
 */
public final class PodWorkers {
    private static final Logger log = LoggerFactory.getLogger(PodWorkers.class);

    private static final class Lane {
        boolean running;
        boolean dirty;
    }

    private final Map<String, PodRecord> records = new ConcurrentHashMap<>();
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final PodSyncer syncer;
    private final ExecutorService executor;
    private final ScheduledExecutorService timer;

    public PodWorkers(PodSyncer syncer, ExecutorService executor, ScheduledExecutorService timer) {
        this.syncer = syncer;
        this.executor = executor;
        this.timer = timer;
    }

    /** A new or changed pod from the watch. */
    public void update(Pod pod) {
        String uid = pod.getMetadata().getUid();
        records.compute(uid, (k, r) -> {
            if (r == null) {
                return new PodRecord(pod);
            }
            r.pod = pod;
            return r;
        });
        enqueue(uid);
    }

    /** A static pod (from a manifest file, not the API server). */
    public void updateStatic(Pod pod) {
        records.computeIfAbsent(pod.getMetadata().getUid(), k -> {
            PodRecord r = new PodRecord(pod);
            r.isStatic = true;
            return r;
        });
        enqueue(pod.getMetadata().getUid());
    }

    /** The pod's status must be written again (its mirror pod was recreated empty). */
    public void resendStatus(String uid) {
        PodRecord r = records.get(uid);
        if (r != null) {
            r.lastSent = null;
            enqueue(uid);
        }
    }

    /** A static pod's manifest is gone: it stops with its grace period. */
    public void removedStatic(Pod pod) {
        removed(pod);
    }

    /** The API server no longer has the pod. */
    public void removed(Pod pod) {
        PodRecord r = records.get(pod.getMetadata().getUid());
        if (r != null) {
            r.removedFromApi = true;
            enqueue(r.uid);
        }
    }

    public void enqueue(String uid) {
        if (!records.containsKey(uid)) {
            return;
        }
        Lane lane = lanes.computeIfAbsent(uid, k -> new Lane());
        synchronized (lane) {
            if (lane.running) {
                lane.dirty = true;
                return;
            }
            lane.running = true;
        }
        try {
            executor.execute(() -> run(uid, lane));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (lane) {
                lane.running = false; // the kubelet is shutting down
            }
        }
    }

    public void enqueueAfter(String uid, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            enqueue(uid);
        } else {
            try {
                timer.schedule(() -> enqueue(uid), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the kubelet is shutting down
            }
        }
    }

    public void enqueueAll() {
        records.keySet().forEach(this::enqueue);
    }

    public Set<String> knownUids() {
        return Set.copyOf(records.keySet());
    }

    /** The pod this kubelet runs under that namespace and name, if any. */
    public Optional<PodRecord> find(String namespace, String name) {
        return records.values().stream().filter(r -> !r.removedFromApi && r.pod.getMetadata().getNamespace().equals(namespace)
                && r.pod.getMetadata().getName().equals(name)).findFirst();
    }

    public java.util.List<Pod> pods() {
        return records.values().stream().filter(r -> !r.removedFromApi).map(r -> r.pod).toList();
    }

    public Optional<PodRecord> record(String uid) {
        return Optional.ofNullable(records.get(uid));
    }

    private void run(String uid, Lane lane) {
        while (true) {
            synchronized (lane) {
                lane.dirty = false;
            }
            PodRecord rec = records.get(uid);
            if (rec == null) {
                break;
            }
            try {
                if (syncer.sync(rec)) {
                    records.remove(uid);
                    lanes.remove(uid);
                    break;
                }
            } catch (Exception e) {
                log.warn("sync of pod {}/{} failed, retrying: {}", rec.pod.getMetadata().getNamespace(), rec.pod.getMetadata().getName(), e.toString());
                log.debug("sync failure", e);
                enqueueAfter(uid, Duration.ofSeconds(2));
            }
            synchronized (lane) {
                if (!lane.dirty) {
                    lane.running = false;
                    return;
                }
            }
        }
        synchronized (lane) {
            lane.running = false;
        }
    }
}
