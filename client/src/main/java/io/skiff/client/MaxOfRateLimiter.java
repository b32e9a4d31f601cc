package io.skiff.client;

import java.time.Duration;
import java.util.List;

/** The longest wait any of its limiters asks for; the default is per-item backoff plus an overall bucket. */
public final class MaxOfRateLimiter<K> implements RateLimiter<K> {
    private final List<RateLimiter<K>> limiters;

    @SafeVarargs
    public MaxOfRateLimiter(RateLimiter<K>... limiters) {
        this.limiters = List.of(limiters);
    }

    /** Kubernetes' controller default: 5 ms doubling to 1000 s per item, 10 qps with a burst of 100 overall. */
    public static <K> MaxOfRateLimiter<K> controllerDefault() {
        return new MaxOfRateLimiter<>(new ItemExponentialRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000)),
                new BucketRateLimiter<>(10, 100));
    }

    @Override
    public Duration when(K item) {
        Duration longest = Duration.ZERO;
        for (RateLimiter<K> l : limiters) {
            Duration d = l.when(item);
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return longest;
    }

    @Override
    public void forget(K item) {
        limiters.forEach(l -> l.forget(item));
    }

    @Override
    public int numRequeues(K item) {
        return limiters.stream().mapToInt(l -> l.numRequeues(item)).max().orElse(0);
    }
}
