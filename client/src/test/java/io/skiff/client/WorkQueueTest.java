package io.skiff.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkQueueTest {
    private final WorkQueue<String> queue = new WorkQueue<>("test",
            new ItemExponentialRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000)));

    @Test
    void aKeyAddedTwiceBeforeItIsTakenIsHandedOutOnce() throws Exception {
        queue.add("a");
        queue.add("b");
        queue.add("a");
        assertEquals(2, queue.len());
        assertEquals(Optional.of("a"), queue.get());
        assertEquals(Optional.of("b"), queue.get());
        assertEquals(0, queue.len());
    }

    @Test
    void aKeyBeingProcessedIsNotHandedToAnotherWorkerUntilDone() throws Exception {
        queue.add("a");
        assertEquals(Optional.of("a"), queue.get());
        queue.add("a");
        assertEquals(0, queue.len(), "re-added while processing: waits for done");
        queue.done("a");
        assertEquals(1, queue.len());
        assertEquals(Optional.of("a"), queue.get());
        queue.done("a");
        assertEquals(0, queue.len(), "done without a new add does not requeue");
    }

    @Test
    void concurrentWorkersNeverHoldTheSameKey() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        Thread[] workers = new Thread[4];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(() -> {
                try {
                    for (Optional<String> k = queue.get(); k.isPresent(); k = queue.get()) {
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        Thread.sleep(1);
                        inFlight.decrementAndGet();
                        handled.incrementAndGet();
                        queue.done(k.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            workers[i].start();
        }
        for (int i = 0; i < 200; i++) {
            queue.add("same");
            Thread.sleep(0, 200_000);
        }
        Thread.sleep(50);
        queue.shutDown();
        for (Thread w : workers) {
            w.join(5000);
        }
        assertEquals(1, maxInFlight.get());
        assertTrue(handled.get() >= 1 && handled.get() <= 200, "handled " + handled.get());
    }

    @Test
    void addAfterDelaysAndKeepsTheEarliestTime() throws Exception {
        queue.addAfter("a", Duration.ofSeconds(30));
        queue.addAfter("a", Duration.ofMillis(20));
        queue.addAfter("a", Duration.ofSeconds(60));
        assertEquals(0, queue.len());
        long start = System.nanoTime();
        assertEquals(Optional.of("a"), queue.get());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 15 && waited < 5000, "waited " + waited + " ms");
    }

    @Test
    void rateLimitedAddsBackOffPerKeyUntilForgotten() {
        ItemExponentialRateLimiter<String> limiter =
                new ItemExponentialRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000));
        assertEquals(Duration.ofMillis(5), limiter.when("a"));
        assertEquals(Duration.ofMillis(10), limiter.when("a"));
        assertEquals(Duration.ofMillis(20), limiter.when("a"));
        assertEquals(Duration.ofMillis(5), limiter.when("b"), "keys back off independently");
        assertEquals(3, limiter.numRequeues("a"));
        for (int i = 0; i < 40; i++) {
            limiter.when("a");
        }
        assertEquals(Duration.ofSeconds(1000), limiter.when("a"), "capped");
        limiter.forget("a");
        assertEquals(0, limiter.numRequeues("a"));
        assertEquals(Duration.ofMillis(5), limiter.when("a"));
    }

    @Test
    void theOverallBucketLimitsBurstsAcrossKeys() {
        long[] now = {0};
        BucketRateLimiter<String> bucket = new BucketRateLimiter<>(10, 2, () -> now[0]);
        assertEquals(Duration.ZERO, bucket.when("a"));
        assertEquals(Duration.ZERO, bucket.when("b"));
        assertEquals(Duration.ofMillis(100), bucket.when("c"));
        assertEquals(Duration.ofMillis(200), bucket.when("d"));
        now[0] = TimeUnit.SECONDS.toNanos(10);
        assertEquals(Duration.ZERO, bucket.when("e"), "refilled");
    }

    @Test
    void queueCountsRequeuesAndShutdownWakesBlockedWorkers() throws Exception {
        queue.addRateLimited("a");
        queue.addRateLimited("a");
        assertEquals(2, queue.numRequeues("a"));
        assertEquals(Optional.of("a"), queue.get());
        queue.done("a");
        queue.forget("a");
        assertEquals(0, queue.numRequeues("a"));

        CountDownLatch woke = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                if (queue.get().isEmpty()) {
                    woke.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        Thread.sleep(20);
        queue.shutDown();
        assertTrue(woke.await(2, TimeUnit.SECONDS));
        queue.add("b");
        assertEquals(0, queue.len(), "adds after shutdown are ignored");
    }
}
