package io.skiff.client;

import java.time.Duration;

/**
 * An overall token bucket ({@code qps} refill, {@code burst} capacity) shared by all items, so
 * that a storm of failures cannot hammer the API server. Each {@link #when} reserves one token.
 */
public final class BucketRateLimiter<K> implements RateLimiter<K> {
    private final double qps;
    private final int burst;
    private final Clock clock;
    private double tokens;
    private long last;

    /** Nanosecond time source; a seam for tests. */
    public interface Clock {
        long nanoTime();
    }

    public BucketRateLimiter(double qps, int burst) {
        this(qps, burst, System::nanoTime);
    }

    public BucketRateLimiter(double qps, int burst, Clock clock) {
        this.qps = qps;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.last = clock.nanoTime();
    }

    @Override
    public synchronized Duration when(K item) {
        long now = clock.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * qps);
        last = now;
        tokens -= 1;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (-tokens / qps * 1e9));
    }

    @Override
    public void forget(K item) {
        // the bucket is shared: nothing to forget per item
    }

    @Override
    public int numRequeues(K item) {
        return 0;
    }
}
