package io.skiff.client;

import java.time.Duration;

/**
 * How long an item waits before it is retried. {@link #when} is called once per failure;
 * {@link #forget} resets the item's history after a success.
 */
public interface RateLimiter<K> {
    Duration when(K item);

    void forget(K item);

    int numRequeues(K item);
}
