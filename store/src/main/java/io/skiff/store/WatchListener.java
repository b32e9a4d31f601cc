package io.skiff.store;

/** Receives a watch's events in revision order, on one thread. */
public interface WatchListener {
    void onEvent(WatchEvent event);

    /**
     * The watch ended because of {@code error} (e.g. {@link StoreException.Compacted} when the
     * watcher fell behind compaction, or a lost backend connection). No event follows.
     */
    default void onError(StoreException error) {
    }
}
