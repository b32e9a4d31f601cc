package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The creations and deletions a controller made that its informer cache has not shown yet.
 * Until they show (or expire), the controller must not act on the cache again, or it would
 * create or delete the same replicas twice.
 */
final class Expectations {
    private static final Duration TTL = Duration.ofMinutes(5);
    private final Map<String, Pending> byKey = new ConcurrentHashMap<>();

    private static final class Pending {
        final Set<String> adds = new HashSet<>();
        final Set<String> deletes = new HashSet<>();
        long since = System.nanoTime();
    }

    synchronized void expectCreated(String key, String podName) {
        pending(key).adds.add(podName);
    }

    synchronized void expectDeleted(String key, String podName) {
        pending(key).deletes.add(podName);
    }

    /** The informer saw the pod appear ({@code present}) or disappear. */
    synchronized void observed(String key, String podName, boolean present) {
        Pending p = byKey.get(key);
        if (p != null) {
            (present ? p.adds : p.deletes).remove(podName);
        }
    }

    /**
     * True when every expected pod is in the cache and every expected deletion is gone from it
     * or terminating ({@code cached} looks a pod name up in the cache), or when the wait expired.
     */
    synchronized boolean satisfied(String key, Function<String, Pod> cached) {
        Pending p = byKey.get(key);
        if (p == null) {
            return true;
        }
        p.adds.removeIf(name -> cached.apply(name) != null);
        p.deletes.removeIf(name -> {
            Pod pod = cached.apply(name);
            return pod == null || pod.getMetadata().getDeletionTimestamp() != null;
        });
        if ((p.adds.isEmpty() && p.deletes.isEmpty()) || System.nanoTime() - p.since > TTL.toNanos()) {
            byKey.remove(key);
            return true;
        }
        return false;
    }

    synchronized void forget(String key) {
        byKey.remove(key);
    }

    private Pending pending(String key) {
        Pending p = byKey.computeIfAbsent(key, k -> new Pending());
        if (p.adds.isEmpty() && p.deletes.isEmpty()) {
            p.since = System.nanoTime();
        }
        return p;
    }
}
