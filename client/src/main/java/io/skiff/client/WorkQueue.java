package io.skiff.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A rate-limited, de-duplicating work queue of keys, in the manner of client-go's.
 *
 * <p>Contract: a key added many times before a worker takes it is handed out once (it is
 * <em>dirty</em>); a key is never given to two workers at once (while it is <em>processing</em>,
 * a new add only marks it dirty, and {@link #done} puts it back). Keys are handed out in the
 * order they became dirty. {@link #addAfter} keeps only the earliest pending time per key.
 * {@link #addRateLimited} waits as the {@link RateLimiter} says; {@link #forget} resets it.
 * After {@link #shutDown}, adds are ignored and {@link #get} returns empty once drained.
 */
public final class WorkQueue<K> implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nonEmpty = lock.newCondition();
    private final ArrayDeque<K> queue = new ArrayDeque<>();
    private final Set<K> dirty = new HashSet<>();
    private final Set<K> processing = new HashSet<>();
    private final Map<K, Waiting> waiting = new HashMap<>();
    private final RateLimiter<K> limiter;
    private final ScheduledExecutorService timer;
    private boolean shuttingDown;

    private record Waiting(long readyAtNanos, ScheduledFuture<?> future) {
    }

    public WorkQueue(String name, RateLimiter<K> limiter) {
        this.limiter = limiter;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-queue-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** A queue with the controller default limiter (5 ms → 1000 s per key, 10 qps / 100 burst overall). */
    public static <K> WorkQueue<K> withDefaultLimiter(String name) {
        return new WorkQueue<>(name, MaxOfRateLimiter.controllerDefault());
    }

    public void add(K key) {
        lock.lock();
        try {
            if (shuttingDown || !dirty.add(key)) {
                return;
            }
            if (!processing.contains(key)) {
                queue.addLast(key);
                nonEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Adds the key once {@code delay} has passed; an earlier pending add of the same key wins. */
    public void addAfter(K key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
            return;
        }
        lock.lock();
        try {
            if (shuttingDown) {
                return;
            }
            long readyAt = System.nanoTime() + delay.toNanos();
            Waiting pending = waiting.get(key);
            if (pending != null && pending.readyAtNanos() - readyAt <= 0) {
                return;
            }
            if (pending != null) {
                pending.future().cancel(false);
            }
            ScheduledFuture<?> f = timer.schedule(() -> fire(key, readyAt), delay.toNanos(), TimeUnit.NANOSECONDS);
            waiting.put(key, new Waiting(readyAt, f));
        } finally {
            lock.unlock();
        }
    }

    private void fire(K key, long readyAt) {
        lock.lock();
        try {
            Waiting pending = waiting.get(key);
            if (pending != null && pending.readyAtNanos() == readyAt) {
                waiting.remove(key);
            }
        } finally {
            lock.unlock();
        }
        add(key);
    }

    /** Adds the key after the limiter's backoff for it (one more failure counted). */
    public void addRateLimited(K key) {
        addAfter(key, limiter.when(key));
    }

    /** The key succeeded: its backoff starts again from the base. */
    public void forget(K key) {
        limiter.forget(key);
    }

    public int numRequeues(K key) {
        return limiter.numRequeues(key);
    }

    /** Blocks for the next key; empty once the queue is shut down. The caller must call {@link #done}. */
    public Optional<K> get() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !shuttingDown) {
                nonEmpty.await();
            }
            if (queue.isEmpty()) {
                return Optional.empty();
            }
            K key = queue.pollFirst();
            processing.add(key);
            dirty.remove(key);
            return Optional.of(key);
        } finally {
            lock.unlock();
        }
    }

    /** The worker finished the key; if it was added meanwhile, it is queued again. */
    public void done(K key) {
        lock.lock();
        try {
            processing.remove(key);
            if (dirty.contains(key)) {
                queue.addLast(key);
                nonEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Keys waiting for a worker (not counting those being processed or delayed). */
    public int len() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    public boolean isShuttingDown() {
        lock.lock();
        try {
            return shuttingDown;
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting keys and wakes every blocked {@link #get}. */
    public void shutDown() {
        lock.lock();
        try {
            shuttingDown = true;
            waiting.values().forEach(w -> w.future().cancel(false));
            waiting.clear();
            nonEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        timer.shutdownNow();
    }

    @Override
    public void close() {
        shutDown();
    }
}
