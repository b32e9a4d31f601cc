package io.skiff.apiserver.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.errors.ApiException;
import io.skiff.store.KeyValue;
import io.skiff.store.ListResult;
import io.skiff.store.Store;
import io.skiff.store.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Objects over the {@link Store}: encodes them, stamps {@code metadata.resourceVersion} with the
 * store revision, and turns store failures into Kubernetes errors. No resource semantics here.
 */
public final class ObjectStorage {
    private static final int MAX_UPDATE_ATTEMPTS = 64;
    private final Store store;

    public ObjectStorage(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    public Optional<ObjectNode> find(ResourceType type, String namespace, String name) {
        return unavailable(() -> store.get(type.storeKey(namespace, name)).map(ObjectStorage::decode));
    }

    public ObjectNode get(ResourceType type, String namespace, String name) {
        return find(type, namespace, name)
                .orElseThrow(() -> ApiException.notFound(type.group(), type.plural(), name));
    }

    /** A page of objects, read at {@code revision} (0 = latest). */
    public Page list(ResourceType type, String namespace, String startKey, long revision, int limit) {
        ListResult result;
        try {
            result = store.list(type.storePrefix(namespace), startKey, revision, limit);
        } catch (StoreException.Compacted e) {
            throw ApiException.gone("The provided continue parameter is too old to display a consistent list result. "
                    + "You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results.");
        } catch (StoreException.Unavailable e) {
            throw ApiException.serviceUnavailable("storage is unavailable: " + e.getMessage());
        }
        List<ObjectNode> items = new ArrayList<>(result.items().size());
        for (KeyValue kv : result.items()) {
            items.add(decode(kv));
        }
        String nextKey = result.more() && !result.items().isEmpty()
                ? result.items().get(result.items().size() - 1).key() + "\u0000" : null;
        return new Page(items, result.revision(), nextKey);
    }

    public ObjectNode create(ResourceType type, ObjectNode obj) {
        String key = key(type, obj);
        try {
            KeyValue kv = store.create(key, encode(obj));
            return stamp(obj, kv.modRevision());
        } catch (StoreException.KeyExists e) {
            throw ApiException.alreadyExists(type.group(), type.plural(), name(obj));
        } catch (StoreException.Unavailable e) {
            throw ApiException.serviceUnavailable("storage is unavailable: " + e.getMessage());
        }
    }

    /** Writes {@code obj} if the stored version is still {@code expectedRevision}. */
    public ObjectNode update(ResourceType type, ObjectNode obj, long expectedRevision) {
        try {
            KeyValue kv = store.update(key(type, obj), encode(obj), expectedRevision);
            return stamp(obj, kv.modRevision());
        } catch (StoreException.Conflict e) {
            throw ApiException.staleUpdate(type.group(), type.plural(), name(obj));
        } catch (StoreException.NotFound e) {
            throw ApiException.notFound(type.group(), type.plural(), name(obj));
        } catch (StoreException.Unavailable e) {
            throw ApiException.serviceUnavailable("storage is unavailable: " + e.getMessage());
        }
    }

    /**
     * Read-modify-write that retries on concurrent writes, as long as {@code change} accepts
     * the newer version. {@code change} may throw an ApiException to stop (e.g. a precondition
     * on the client's resourceVersion) and may return the same object to mean "no change".
     */
    public ObjectNode guaranteedUpdate(ResourceType type, String namespace, String name, UnaryOperator<ObjectNode> change) {
        for (int attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
            ObjectNode current = get(type, namespace, name);
            long revision = revision(current);
            ObjectNode updated = change.apply(current.deepCopy());
            if (updated == null || SameContent.same(updated, current)) {
                return current;
            }
            try {
                KeyValue kv = store.update(type.storeKey(namespace, name), encode(updated), revision);
                return stamp(updated, kv.modRevision());
            } catch (StoreException.Conflict e) {
                // someone else wrote in between: re-read and apply the change again
            } catch (StoreException.NotFound e) {
                throw ApiException.notFound(type.group(), type.plural(), name);
            } catch (StoreException.Unavailable e) {
                throw ApiException.serviceUnavailable("storage is unavailable: " + e.getMessage());
            }
        }
        throw ApiException.conflict(type.group(), type.plural(), name, "too many concurrent updates, please retry");
    }

    /** Removes the object if still at {@code expectedRevision} (0 = any); returns what was stored. */
    public ObjectNode delete(ResourceType type, String namespace, String name, long expectedRevision) {
        try {
            KeyValue kv = store.delete(type.storeKey(namespace, name), expectedRevision);
            return stamp(decodeValue(kv.value()), kv.modRevision());
        } catch (StoreException.Conflict e) {
            throw ApiException.staleUpdate(type.group(), type.plural(), name);
        } catch (StoreException.NotFound e) {
            throw ApiException.notFound(type.group(), type.plural(), name);
        } catch (StoreException.Unavailable e) {
            throw ApiException.serviceUnavailable("storage is unavailable: " + e.getMessage());
        }
    }

    public long currentRevision() {
        return store.currentRevision();
    }

    /** The object in a store value, with resourceVersion set to the value's revision. */
    public static ObjectNode decode(KeyValue kv) {
        return stamp(decodeValue(kv.value()), kv.modRevision());
    }

    private static ObjectNode decodeValue(byte[] value) {
        return (ObjectNode) Json.parse(value);
    }

    /** resourceVersion is the store revision, so it is not stored inside the value. */
    private static byte[] encode(ObjectNode obj) {
        JsonNode meta = obj.get("metadata");
        if (meta == null || !meta.has("resourceVersion")) {
            return Json.bytes(obj); // fresh objects (creates) need no copy
        }
        ObjectNode copy = obj.deepCopy();
        ((ObjectNode) copy.get("metadata")).remove("resourceVersion");
        return Json.bytes(copy);
    }

    private static ObjectNode stamp(ObjectNode obj, long revision) {
        obj.with("metadata").put("resourceVersion", Long.toString(revision));
        return obj;
    }

    public static long revision(JsonNode obj) {
        String rv = obj.path("metadata").path("resourceVersion").asText("");
        try {
            return rv.isEmpty() ? 0 : Long.parseLong(rv);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String key(ResourceType type, ObjectNode obj) {
        return type.storeKey(obj.path("metadata").path("namespace").asText(null), name(obj));
    }

    private static String name(JsonNode obj) {
        return obj.path("metadata").path("name").asText();
    }

    private static <T> T unavailable(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (StoreException.Unavailable e) {
            throw ApiException.serviceUnavailable("storage is unavailable: " + e.getMessage());
        }
    }

    /** @param nextKey the store key to continue from, or null when the list is complete */
    public record Page(List<ObjectNode> items, long revision, String nextKey) {
    }
}
