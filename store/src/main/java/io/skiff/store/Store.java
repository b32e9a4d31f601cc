package io.skiff.store;

import java.util.Optional;

/**
 * A revisioned key-value store with watch: the only thing the API server persists through.
 *
 * <p>Contract (identical for every backend, checked by one contract test suite):
 * <ul>
 *   <li>Revisions are global, start above 0 and strictly increase by at least one per write;
 *       every successful write returns the revision it was committed at, which becomes the
 *       written key's {@code modRevision}.</li>
 *   <li>A write is acknowledged only once it is durable.</li>
 *   <li>{@code create} fails with {@link StoreException.KeyExists} if the key is present;
 *       {@code update} and {@code delete} compare the key's current {@code modRevision} with the
 *       expected one and fail with {@link StoreException.Conflict} (carrying the current value)
 *       on mismatch, or {@link StoreException.NotFound} if the key is absent. Nothing is ever
 *       overwritten silently.</li>
 *   <li>{@code watch(prefix, fromRevision)} delivers every change to keys under {@code prefix}
 *       with {@code modRevision > fromRevision}, in revision order, exactly once, to one
 *       listener thread per watch. If {@code fromRevision} is older than the compacted
 *       revision the watch ends with {@link WatchListener#onError} carrying
 *       {@link StoreException.Compacted} (like Kubernetes' 410 Gone watch event); {@code watch}
 *       itself does not throw it. (etcd still serves {@code fromRevision = compacted - 1};
 *       callers must not rely on that edge.)</li>
 *   <li>Reads at a revision older than the compacted revision fail with
 *       {@link StoreException.Compacted}; reads at the compacted revision itself succeed.
 *       Reads at a revision above the current one fail with {@link IllegalArgumentException}.</li>
 *   <li>{@link StoreException.Unavailable} means the backend failed; a write that failed so may
 *       or may not have happened. Callers retry with a fresh read, never blindly.</li>
 * </ul>
 * Thread-safe. Keys are UTF-8 strings such as {@code /registry/pods/default/nginx}.
 */
public interface Store extends AutoCloseable {

    /** The latest value of {@code key}, if present. */
    Optional<KeyValue> get(String key);

    /**
     * Keys that start with {@code prefix}, in key order, as of {@code revision} (0 = now).
     *
     * @param startKey first key to return (inclusive), or null to start at the prefix;
     *                 used for {@code continue} tokens
     * @param limit    maximum items returned, 0 = unlimited
     * @return the items, the revision they were read at, and whether more remain
     */
    ListResult list(String prefix, String startKey, long revision, int limit);

    /** Number of keys under {@code prefix} now. */
    long count(String prefix);

    /** Creates {@code key}; fails with {@link StoreException.KeyExists} if present. */
    KeyValue create(String key, byte[] value);

    /** Replaces {@code key} if its modRevision equals {@code expectedModRevision}. */
    KeyValue update(String key, byte[] value, long expectedModRevision);

    /**
     * Deletes {@code key} if its modRevision equals {@code expectedModRevision}
     * (0 = whatever it is). Returns the deleted value with {@code modRevision} set to
     * the revision of the deletion.
     */
    KeyValue delete(String key, long expectedModRevision);

    /**
     * Streams changes under {@code prefix} after {@code fromRevision} to {@code listener},
     * on a thread owned by the store, until the returned handle is closed. A listener must not
     * block for long; a slow listener delays only its own watch.
     */
    Watch watch(String prefix, long fromRevision, WatchListener listener);

    /**
     * Discards history at and below {@code revision}; current values are kept. A revision at or
     * below the compacted one is a no-op; one above the current revision is an
     * {@link IllegalArgumentException}.
     */
    void compact(long revision);

    /** The revision of the latest committed write (0 on an empty store). */
    long currentRevision();

    /** The revision below which history is gone (0 if never compacted). */
    long compactedRevision();

    @Override
    void close();
}
