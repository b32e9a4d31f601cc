package io.skiff.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceType;
import io.skiff.apiserver.storage.ObjectStorage;
import io.skiff.store.Store;
import io.skiff.store.StoreException;
import io.skiff.store.Watch;
import io.skiff.store.WatchEvent;
import io.skiff.store.WatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * One store watch per resource, shared by every client watch of that resource: N watchers cost
 * one store watch. Keeps the last {@code capacity} changes so that a watch from a recent
 * resourceVersion is served from memory; older ones get their own store watch (or 410 Gone
 * once compacted).
 */
public final class WatchCache implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WatchCache.class);
    private static final int WATCHER_QUEUE = 10_000;

    private final ResourceType type;
    private final Store store;
    private final int capacity;
    private final ArrayDeque<ObjectEvent> recent = new ArrayDeque<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private long oldestRetained;
    private long currentRevision;
    private Watch storeWatch;
    private volatile boolean closed;

    public WatchCache(ResourceType type, Store store, int capacity) {
        this.type = type;
        this.store = store;
        this.capacity = capacity;
    }

    public synchronized void start() {
        long from = store.currentRevision();
        oldestRetained = from;
        currentRevision = from;
        storeWatch = store.watch(type.storePrefix(), from, new Listener());
    }

    public ResourceType type() {
        return type;
    }

    /**
     * A watcher receiving every change after {@code fromRevision} that passes {@code filter}
     * (selector transitions become ADDED/DELETED).
     *
     * @throws StoreException.Compacted when {@code fromRevision} is gone from history
     */
    public Watcher watch(long fromRevision, Predicate<ObjectNode> filter) {
        synchronized (this) {
            if (fromRevision >= oldestRetained) {
                Watcher[] self = new Watcher[1];
                Watcher w = new Watcher(filter, WATCHER_QUEUE, fromRevision, () -> watchers.remove(self[0]));
                self[0] = w;
                for (ObjectEvent e : recent) {
                    if (e.revision() > fromRevision) {
                        w.offer(e);
                    }
                }
                watchers.add(w);
                return w;
            }
        }
        return directWatch(fromRevision, filter);
    }

    /** A watch older than the cache's memory: served by its own store watch, or 410 once compacted. */
    private Watcher directWatch(long fromRevision, Predicate<ObjectNode> filter) {
        long compacted = store.compactedRevision();
        if (fromRevision < compacted) {
            throw new StoreException.Compacted(fromRevision, compacted);
        }
        Watch[] handle = new Watch[1];
        Watcher w = new Watcher(filter, WATCHER_QUEUE, fromRevision, () -> {
            if (handle[0] != null) {
                handle[0].close();
            }
        });
        handle[0] = store.watch(type.storePrefix(), fromRevision, new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                w.offer(toObjectEvent(event));
            }

            @Override
            public void onError(StoreException error) {
                w.end(error.getMessage());
            }
        });
        return w;
    }

    public synchronized long currentRevision() {
        return currentRevision;
    }

    public int watcherCount() {
        return watchers.size();
    }

    private synchronized void dispatch(ObjectEvent event) {
        recent.addLast(event);
        if (recent.size() > capacity) {
            oldestRetained = recent.removeFirst().revision();
        }
        currentRevision = event.revision();
        if (!watchers.isEmpty()) {
            event.jsonLine(); // serialize once here, not in each of N watcher threads at once
        }
        for (Watcher w : watchers) {
            w.offer(event);
        }
    }

    private synchronized void restart(StoreException error) {
        if (closed) {
            return;
        }
        log.warn("watch cache for {} lost its store watch ({}); ending {} watchers", type.qualifiedPlural(), error.getMessage(), watchers.size());
        for (Watcher w : watchers) {
            w.end("watch cache restarted");
        }
        watchers.clear();
        recent.clear();
        try {
            start();
        } catch (StoreException e) {
            log.error("cannot restart watch cache for {}: {}", type.qualifiedPlural(), e.getMessage());
        }
    }

    static ObjectEvent toObjectEvent(WatchEvent event) {
        ObjectNode prev = event.prevKv() == null ? null : ObjectStorage.decode(event.prevKv());
        if (event.type() == WatchEvent.Type.DELETE) {
            ObjectNode last = ObjectStorage.decode(event.kv());
            return new ObjectEvent(ObjectEvent.Type.DELETED, last, prev, event.revision());
        }
        ObjectNode obj = ObjectStorage.decode(event.kv());
        return new ObjectEvent(prev == null ? ObjectEvent.Type.ADDED : ObjectEvent.Type.MODIFIED, obj, prev, event.revision());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (storeWatch != null) {
            storeWatch.close();
        }
        for (Watcher w : watchers) {
            w.end("server shutting down");
        }
        watchers.clear();
    }

    private final class Listener implements WatchListener {
        @Override
        public void onEvent(WatchEvent event) {
            dispatch(toObjectEvent(event));
        }

        @Override
        public void onError(StoreException error) {
            restart(error);
        }
    }
}
