package io.skiff.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceType;
import io.skiff.apiserver.storage.ObjectStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API server's own informer: every object of one resource, kept current by following its
 * watch cache. Eventually consistent: a change shows here shortly after it is stored; callers
 * that must not miss a just-written object fall back to the store.
 */
public final class ObjectCache {
    private static final Logger log = LoggerFactory.getLogger(ObjectCache.class);
    private final ResourceType type;
    private final ObjectStorage storage;
    private final WatchCache watchCache;
    private final Map<String, ObjectNode> objects = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public ObjectCache(ResourceType type, ObjectStorage storage, WatchCache watchCache) {
        this.type = type;
        this.storage = storage;
        this.watchCache = watchCache;
    }

    public ObjectCache start() {
        Thread t = new Thread(this::run, "object-cache-" + type.plural());
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** Lists, then follows the watch; relists whenever the watch ends. */
    private void run() {
        while (true) {
            try {
                ObjectStorage.Page page = storage.list(type, null, null, 0, 0);
                objects.clear();
                page.items().forEach(o -> objects.put(key(o), o));
                generation.incrementAndGet();
                try (Watcher w = watchCache.watch(page.revision(), o -> true)) {
                    while (true) {
                        ObjectEvent e = w.next(60_000);
                        if (e == null) {
                            continue;
                        }
                        if (e.type() == ObjectEvent.Type.DELETED) {
                            objects.remove(key(e.object()));
                        } else {
                            objects.put(key(e.object()), e.object());
                        }
                        generation.incrementAndGet();
                    }
                }
            } catch (Watcher.Ended | RuntimeException e) {
                log.debug("object cache of {} relists: {}", type.qualifiedPlural(), e.toString());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public ObjectNode get(String namespace, String name) {
        return objects.get(namespace == null || namespace.isEmpty() ? name : namespace + "/" + name);
    }

    public Collection<ObjectNode> values() {
        return objects.values();
    }

    /** Changes whenever the contents change: lets readers cache what they derive. */
    public long generation() {
        return generation.get();
    }

    private static String key(ObjectNode o) {
        String ns = o.path("metadata").path("namespace").asText("");
        String name = o.path("metadata").path("name").asText();
        return ns.isEmpty() ? name : ns + "/" + name;
    }
}
