package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.storage.ObjectStorage;
import io.skiff.apiserver.watch.ObjectEvent;
import io.skiff.apiserver.watch.WatchCache;
import io.skiff.apiserver.watch.Watcher;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Namespace lifecycle admission: no objects in a namespace that is missing or being deleted.
 * Answers from a cache fed by the namespace watch; a namespace not (yet) in the cache is read
 * from the store, so a namespace created a moment ago is never refused.
 */
final class NamespaceGuard {
    private final ObjectStorage storage;
    /** name → whether it is being deleted. */
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    NamespaceGuard(ObjectStorage storage, WatchCache namespaces) {
        this.storage = storage;
        if (namespaces != null) {
            ObjectStorage.Page page = storage.list(ResourceTypes.NAMESPACES, null, null, 0, 0);
            page.items().forEach(this::remember);
            Watcher w = namespaces.watch(page.revision(), ns -> true);
            Thread t = new Thread(() -> follow(w), "namespace-guard");
            t.setDaemon(true);
            t.start();
        }
    }

    private void follow(Watcher w) {
        try (w) {
            while (true) {
                ObjectEvent e = w.next(60_000);
                if (e == null) {
                    continue;
                }
                if (e.type() == ObjectEvent.Type.DELETED) {
                    known.remove(e.object().path("metadata").path("name").asText());
                } else {
                    remember(e.object());
                }
            }
        } catch (Watcher.Ended | InterruptedException e) {
            known.clear(); // no longer followed: every check reads the store
        }
    }

    private void remember(ObjectNode ns) {
        known.put(ns.path("metadata").path("name").asText(), ns.path("metadata").has("deletionTimestamp"));
    }

    void checkCreateAllowed(String namespace) {
        Boolean deleting = known.get(namespace);
        if (deleting == null) {
            Optional<ObjectNode> ns = storage.find(ResourceTypes.NAMESPACES, null, namespace);
            if (ns.isEmpty()) {
                throw ApiException.notFound("", "namespaces", namespace);
            }
            deleting = ns.get().path("metadata").has("deletionTimestamp");
        }
        if (deleting) {
            throw ApiException.forbidden("unable to create new content in namespace " + namespace
                    + " because it is being terminated");
        }
    }
}
