package io.skiff.client;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Per-item exponential backoff: {@code base * 2^failures}, capped at {@code max}. */
public final class ItemExponentialRateLimiter<K> implements RateLimiter<K> {
    private final Duration base;
    private final Duration max;
    private final ConcurrentMap<K, Integer> failures = new ConcurrentHashMap<>();

    public ItemExponentialRateLimiter(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    @Override
    public Duration when(K item) {
        int n = failures.merge(item, 1, Integer::sum) - 1;
        if (n >= 62) {
            return max;
        }
        long nanos = base.toNanos();
        double backoff = nanos * Math.pow(2, n);
        return backoff >= max.toNanos() ? max : Duration.ofNanos((long) backoff);
    }

    @Override
    public void forget(K item) {
        failures.remove(item);
    }

    @Override
    public int numRequeues(K item) {
        return failures.getOrDefault(item, 0);
    }
}
