package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.resource.Registry;
import io.skiff.apiserver.resource.ResourceStrategy;
import io.skiff.apiserver.storage.ObjectStorage;
import io.skiff.apiserver.watch.ObjectEvent;
import io.skiff.apiserver.watch.WatchCache;
import io.skiff.apiserver.watch.Watcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * Empties a namespace marked for deletion, then releases its {@code kubernetes} finalizer so the
 * namespace goes too. Level-based: a namespace that still has content is checked again shortly.
 * (The controller manager's namespace controller takes this over when it runs; both are idempotent.)
 */
public final class NamespaceFinalizer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NamespaceFinalizer.class);
    private static final long RETRY_MS = 1_000;

    private final Registry registry;
    private final ObjectStorage storage;
    private final Deleter deleter;
    private final WatchCache namespaces;
    private final DelayQueue<Item> queue = new DelayQueue<>();
    private final Thread watchThread;
    private final Thread worker;
    private volatile boolean stopped;

    public NamespaceFinalizer(Registry registry, ObjectStorage storage, ResourceHandler handler, WatchCache namespaces) {
        this.registry = registry;
        this.storage = storage;
        this.deleter = handler.deleter();
        this.namespaces = namespaces;
        this.watchThread = new Thread(this::watch, "namespace-finalizer-watch");
        this.worker = new Thread(this::work, "namespace-finalizer");
        watchThread.setDaemon(true);
        worker.setDaemon(true);
    }

    public void start() {
        for (ObjectNode ns : storage.list(ResourceTypes.NAMESPACES, null, null, 0, 0).items()) {
            enqueueIfDeleting(ns, 0);
        }
        watchThread.start();
        worker.start();
    }

    private void watch() {
        try (Watcher w = namespaces.watch(namespaces.currentRevision(), ns -> true)) {
            while (!stopped) {
                ObjectEvent e = w.next(1_000);
                if (e != null && e.type() != ObjectEvent.Type.DELETED) {
                    enqueueIfDeleting(e.object(), 0);
                }
            }
        } catch (Watcher.Ended | InterruptedException e) {
            if (!stopped) {
                log.warn("namespace watch ended ({}); restarting", e.getMessage());
                new Thread(this::watch, "namespace-finalizer-watch").start();
            }
        }
    }

    private void enqueueIfDeleting(JsonNode ns, long delayMs) {
        if (ns.path("metadata").has("deletionTimestamp")) {
            queue.add(new Item(ns.path("metadata").path("name").asText(), System.currentTimeMillis() + delayMs));
        }
    }

    private void work() {
        while (!stopped) {
            try {
                Item item = queue.poll(1, TimeUnit.SECONDS);
                if (item != null && !reconcile(item.name)) {
                    queue.add(new Item(item.name, System.currentTimeMillis() + RETRY_MS));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("namespace finalizer failed: {}", e.toString());
            }
        }
    }

    /** Returns true when done with this namespace (gone, not deleting, or finalized). */
    boolean reconcile(String name) {
        ObjectNode ns = storage.find(ResourceTypes.NAMESPACES, null, name).orElse(null);
        if (ns == null || !ns.path("metadata").has("deletionTimestamp")) {
            return true;
        }
        int remaining = 0;
        for (ResourceStrategy s : registry.all()) {
            ResourceType type = s.type();
            if (!type.namespaced()) {
                continue;
            }
            for (ObjectNode o : storage.list(type, name, null, 0, 0).items()) {
                remaining++;
                if (o.path("metadata").has("deletionTimestamp")) {
                    continue; // already going; a kubelet or finalizer finishes it
                }
                try {
                    deleter.delete(s, name, o.path("metadata").path("name").asText(),
                            new DeleteOptions(null, "Background", null, null, false));
                } catch (ApiException e) {
                    if (e.code() != 404) {
                        throw e;
                    }
                }
            }
        }
        if (remaining > 0) {
            return false;
        }
        ObjectNode finalized = storage.guaranteedUpdate(ResourceTypes.NAMESPACES, null, name, n -> {
            n.with("spec").remove("finalizers");
            return n;
        });
        if (Deleter.hasPendingFinalizers(ResourceTypes.NAMESPACES, finalized)) {
            return false;
        }
        try {
            storage.delete(ResourceTypes.NAMESPACES, null, name, ObjectStorage.revision(finalized));
            log.info("namespace {} deleted", name);
        } catch (ApiException e) {
            if (e.code() == 409) {
                return false;
            }
            if (e.code() != 404) {
                throw e;
            }
        }
        return true;
    }

    @Override
    public void close() {
        stopped = true;
        worker.interrupt();
    }

    private record Item(String name, long dueMillis) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueMillis - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), o.getDelay(TimeUnit.MILLISECONDS));
        }
    }
}
