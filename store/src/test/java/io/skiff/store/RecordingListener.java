package io.skiff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A watch listener that records what it receives, for tests. */
public final class RecordingListener implements WatchListener {
    private final BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<StoreException> error = new CompletableFuture<>();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    public void onEvent(WatchEvent event) {
        threads.add(Thread.currentThread().getName());
        events.add(event);
    }

    @Override
    public void onError(StoreException e) {
        error.complete(e);
    }

    /** The next {@code n} events, failing if they do not all arrive within {@code timeout}. */
    public List<WatchEvent> take(int n, Duration timeout) throws InterruptedException {
        List<WatchEvent> got = new ArrayList<>(n);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < n) {
            WatchEvent e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull(e, "only " + got.size() + " of " + n + " events arrived within " + timeout
                    + (error.isDone() ? "; watch failed: " + error.join() : ""));
            got.add(e);
        }
        return got;
    }

    public WatchEvent takeOne(Duration timeout) throws InterruptedException {
        return take(1, timeout).get(0);
    }

    /** Asserts that nothing arrives during {@code quiet}. */
    public void assertNoEvent(Duration quiet) throws InterruptedException {
        assertNull(events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS), "unexpected event");
    }

    /** The error that ended the watch, failing if none arrives within {@code timeout}. */
    public StoreException awaitError(Duration timeout) throws Exception {
        return error.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean failed() {
        return error.isDone();
    }

    public void assertOneThread() {
        assertEquals(1, threads.size(), "events delivered on " + threads);
    }
}
