package io.skiff.scheduler.queue;

import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Function;

/**
 * Pods waiting to be scheduled, in three places as in Kubernetes:
 * <ul>
 *   <li><b>active</b>: ready to try, highest priority first, then first come first served;</li>
 *   <li><b>back-off</b>: failed recently, waiting 1 s, 2 s, 4 s… (capped) before the next try;</li>
 *   <li><b>unschedulable</b>: did not fit; stays until a cluster event that could help
 *       ({@link #moveAllToActiveOrBackoff}) or for at most five minutes.</li>
 * </ul>
 * A pod is in at most one place, or in flight between {@link #pop} and {@link #done}. If a cluster
 * event arrives while a pod is in flight, a failure sends it to back-off, not to unschedulable,
 * so that event is not lost. Thread-safe.
 */
public final class SchedulingQueue {
    static final Duration MAX_IN_UNSCHEDULABLE = Duration.ofMinutes(5);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nonEmpty = lock.newCondition();
    private final PriorityQueue<QueuedPod> active = new PriorityQueue<>(
            Comparator.comparingInt(QueuedPod::priority).reversed().thenComparingLong(q -> q.sequence));
    private final PriorityQueue<QueuedPod> backoff = new PriorityQueue<>(Comparator.comparingLong(q -> q.backoffExpiryNanos));
    private final Map<String, QueuedPod> unschedulable = new HashMap<>();
    /** Every pod the queue knows, wherever it is, including in-flight ones. */
    private final Map<String, QueuedPod> all = new HashMap<>();
    private final Function<Pod, String> keyOf;
    private final LongSupplier clock;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private long sequence;
    /** Bumped by every move request; compared with the value when a pod was popped. */
    private long moveRequests;
    private final Map<String, Long> inFlight = new HashMap<>();
    private boolean closed;

    public SchedulingQueue(Function<Pod, String> keyOf, LongSupplier nanoClock, Duration initialBackoff, Duration maxBackoff) {
        this.keyOf = keyOf;
        this.clock = nanoClock;
        this.initialBackoffNanos = initialBackoff.toNanos();
        this.maxBackoffNanos = maxBackoff.toNanos();
    }

    /** A new unscheduled pod. */
    public void add(Pod pod) {
        lock.lock();
        try {
            String key = keyOf.apply(pod);
            QueuedPod q = all.get(key);
            if (q != null) {
                q.setPod(pod);
                return;
            }
            q = new QueuedPod(pod, key, sequence++);
            all.put(key, q);
            pushActive(q);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The pod changed: keep the newest object. If its spec or metadata changed (not merely its
     * status, which the scheduler itself writes on failure) an unschedulable pod gets another try.
     */
    public void update(Pod pod, boolean specOrMetadataChanged) {
        lock.lock();
        try {
            QueuedPod q = all.get(keyOf.apply(pod));
            if (q == null) {
                add(pod);
                return;
            }
            q.setPod(pod);
            if (specOrMetadataChanged && unschedulable.remove(q.key) != null) {
                requeue(q);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The pod was deleted or bound by someone: forget it. */
    public void delete(Pod pod) {
        lock.lock();
        try {
            QueuedPod q = all.remove(keyOf.apply(pod));
            if (q != null) {
                active.remove(q);
                backoff.remove(q);
                unschedulable.remove(q.key);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until a pod is active, or returns null after the timeout or when closed. The pod is then in flight. */
    public QueuedPod pop(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long wait = timeout.toNanos();
            while (active.isEmpty()) {
                if (closed || wait <= 0) {
                    return null;
                }
                wait = nonEmpty.awaitNanos(wait);
            }
            QueuedPod q = active.poll();
            q.attempts++;
            inFlight.put(q.key, moveRequests);
            return q;
        } finally {
            lock.unlock();
        }
    }

    /** The attempt ended with the pod placed (or gone): it leaves the queue. */
    public void done(QueuedPod q) {
        lock.lock();
        try {
            inFlight.remove(q.key);
            all.remove(q.key, q);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The attempt failed. A pod rejected by plugins waits in unschedulable (or back-off if the
     * cluster changed meanwhile); a pod that hit an error, or whose binding failed, backs off.
     */
    public void requeueAfterFailure(QueuedPod q, Set<String> rejectors, boolean error) {
        lock.lock();
        try {
            Long popMoves = inFlight.remove(q.key);
            if (all.get(q.key) != q) {
                return; // deleted or bound while in flight
            }
            q.rejectors = rejectors;
            // Remember when its back-off ends even if it goes to unschedulable: a cluster event
            // then moves it to back-off rather than straight to active, as Kubernetes does.
            q.backoffExpiryNanos = clock.getAsLong() + backoffNanos(q.attempts);
            boolean clusterChanged = popMoves != null && popMoves != moveRequests;
            if (error || clusterChanged) {
                pushBackoff(q);
            } else {
                q.unschedulableSinceNanos = clock.getAsLong();
                unschedulable.put(q.key, q);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A cluster event that may help some unschedulable pods (node added, pod deleted…). */
    public void moveAllToActiveOrBackoff(Predicate<QueuedPod> mayHelp) {
        lock.lock();
        try {
            moveRequests++;
            for (Iterator<QueuedPod> it = unschedulable.values().iterator(); it.hasNext(); ) {
                QueuedPod q = it.next();
                if (mayHelp.test(q)) {
                    it.remove();
                    requeue(q);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Moves pods whose back-off has expired to active, and pods unschedulable too long to back-off; called periodically. */
    public void flush() {
        lock.lock();
        try {
            long now = clock.getAsLong();
            while (!backoff.isEmpty() && backoff.peek().backoffExpiryNanos <= now) {
                pushActive(backoff.poll());
            }
            for (Iterator<QueuedPod> it = unschedulable.values().iterator(); it.hasNext(); ) {
                QueuedPod q = it.next();
                if (now - q.unschedulableSinceNanos >= MAX_IN_UNSCHEDULABLE.toNanos()) {
                    it.remove();
                    requeue(q);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    public void close() {
        lock.lock();
        try {
            closed = true;
            nonEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public int activeCount() {
        return size(active);
    }

    public int backoffCount() {
        return size(backoff);
    }

    public int unschedulableCount() {
        lock.lock();
        try {
            return unschedulable.size();
        } finally {
            lock.unlock();
        }
    }

    /** 1 s doubled per failed attempt, at most the maximum (Kubernetes: 1 s and 10 s). */
    long backoffNanos(int attempts) {
        long d = initialBackoffNanos;
        for (int i = 1; i < attempts && d < maxBackoffNanos; i++) {
            d *= 2;
        }
        return Math.min(d, maxBackoffNanos);
    }

    private void requeue(QueuedPod q) {
        if (q.backoffExpiryNanos > clock.getAsLong()) {
            backoff.add(q);
        } else {
            pushActive(q);
        }
    }

    private void pushBackoff(QueuedPod q) {
        backoff.add(q);
    }

    private void pushActive(QueuedPod q) {
        active.add(q);
        nonEmpty.signal();
    }

    private int size(PriorityQueue<QueuedPod> q) {
        lock.lock();
        try {
            return q.size();
        } finally {
            lock.unlock();
        }
    }
}
