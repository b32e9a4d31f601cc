package io.skiff.client;

/**
 * The logic of one controller. {@code reconcile(key)} must be idempotent and level-based: it
 * reads the current state from informer caches, writes through the API, and may be called
 * any number of times for the same key. An object missing from the cache is not an error
 * (return {@link Result#done()}); an exception requeues the key with backoff.
 */
@FunctionalInterface
public interface Reconciler {
    Result reconcile(String key) throws Exception;
}
