package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.alloc.ServiceAllocations;
import io.skiff.apiserver.http.Statuses;
import io.skiff.apiserver.resource.ResourceStrategy;
import io.skiff.apiserver.storage.ObjectStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Deletion as Kubernetes does it: preconditions, then either at once, or marked with a
 * {@code deletionTimestamp} and grace period while finalizers (or a kubelet) finish the job.
 */
final class Deleter {
    private static final Logger log = LoggerFactory.getLogger(Deleter.class);
    private static final int MAX_ATTEMPTS = 32;
    private final ObjectStorage storage;
    private final ServiceAllocations allocations;

    Deleter(ObjectStorage storage, ServiceAllocations allocations) {
        this.storage = storage;
        this.allocations = allocations;
    }

    /** Result of a delete: the object as it now is, and whether it is gone. */
    record Outcome(ObjectNode object, boolean deleted) {
    }

    Outcome delete(ResourceStrategy strategy, String namespace, String name, DeleteOptions opts) {
        ResourceType type = strategy.type();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ObjectNode obj = storage.get(type, namespace, name);
            long rv = ObjectStorage.revision(obj);
            checkPreconditions(type, name, obj, opts);
            String gcFinalizer = gcFinalizer(type, obj, opts.propagationPolicy());
            if (gcFinalizer != null) {
                // the garbage collector orphans or deletes the dependents, then removes the finalizer
                obj = obj.deepCopy();
                obj.with("metadata").withArray("finalizers").add(gcFinalizer);
            }
            JsonNode meta = obj.path("metadata");
            boolean pendingFinalizers = hasPendingFinalizers(type, obj);
            long grace = strategy.gracePeriod(obj, opts.gracePeriodSeconds());
            if (meta.has("deletionTimestamp")) {
                long current = meta.path("deletionGracePeriodSeconds").asLong(0);
                if (pendingFinalizers || (grace > 0 && grace >= current)) {
                    return new Outcome(obj, false); // already on its way out
                }
                if (grace > 0) {
                    // a shorter grace period replaces the running one
                    ObjectNode marked = markDeleting(strategy, obj.deepCopy(), grace);
                    if (opts.dryRun()) {
                        return new Outcome(marked, false);
                    }
                    try {
                        return new Outcome(storage.update(type, marked, rv), false);
                    } catch (ApiException e) {
                        if (e.code() == 409) {
                            continue;
                        }
                        throw e;
                    }
                }
            } else if (grace > 0 || pendingFinalizers) {
                ObjectNode marked = markDeleting(strategy, obj.deepCopy(), grace);
                if (opts.dryRun()) {
                    return new Outcome(marked, false);
                }
                try {
                    ObjectNode stored = storage.update(type, marked, rv);
                    log.debug("{} {}/{} marked for deletion (grace {}s)", type.kind(), namespace, name, grace);
                    return new Outcome(stored, false);
                } catch (ApiException e) {
                    if (e.code() == 409) {
                        continue;
                    }
                    throw e;
                }
            }
            if (opts.dryRun()) {
                return new Outcome(obj, true);
            }
            try {
                ObjectNode deleted = storage.delete(type, namespace, name, rv);
                released(type, deleted);
                return new Outcome(deleted, true);
            } catch (ApiException e) {
                if (e.code() == 409) {
                    continue;
                }
                throw e;
            }
        }
        throw ApiException.conflict(type.group(), type.plural(), name, "too many concurrent updates, please retry");
    }

    /**
     * After an update: an object marked for deletion whose last finalizer just went, with no
     * grace period left to wait for, is removed now.
     */
    ObjectNode finishIfReleased(ApiRequest r, ObjectNode stored) {
        JsonNode meta = stored.path("metadata");
        if (!meta.has("deletionTimestamp") || hasPendingFinalizers(r.type, stored)
                || meta.path("deletionGracePeriodSeconds").asLong(0) > 0) {
            return stored;
        }
        try {
            ObjectNode deleted = storage.delete(r.type, meta.path("namespace").asText(null), meta.path("name").asText(),
                    ObjectStorage.revision(stored));
            released(r.type, deleted);
            return deleted;
        } catch (ApiException e) {
            if (e.code() == 404 || e.code() == 409) {
                return stored; // someone else finished it, or changed it again
            }
            throw e;
        }
    }

    private void released(ResourceType type, ObjectNode deleted) {
        if (type == ResourceTypes.SERVICES) {
            allocations.release(deleted);
        }
    }

    private static ObjectNode markDeleting(ResourceStrategy strategy, ObjectNode obj, long grace) {
        ObjectNode meta = obj.with("metadata");
        Instant at = Instant.now().plusSeconds(grace).truncatedTo(ChronoUnit.SECONDS);
        meta.put("deletionTimestamp", at.toString());
        meta.put("deletionGracePeriodSeconds", grace);
        if (strategy.type() == ResourceTypes.NAMESPACES) {
            obj.with("status").put("phase", "Terminating");
        }
        return obj;
    }

    /**
     * The finalizer a Foreground or Orphan delete puts on an object not yet being deleted, as
     * Kubernetes does ({@code foregroundDeletion}, {@code orphan}); null for Background.
     */
    private static String gcFinalizer(ResourceType type, JsonNode obj, String policy) {
        if (policy == null || type == ResourceTypes.NAMESPACES || obj.path("metadata").has("deletionTimestamp")) {
            return null;
        }
        String f = switch (policy) {
            case "Foreground" -> "foregroundDeletion";
            case "Orphan" -> "orphan";
            default -> null;
        };
        for (JsonNode existing : obj.path("metadata").path("finalizers")) {
            if (existing.asText().equals(f)) {
                return null;
            }
        }
        return f;
    }

    static boolean hasPendingFinalizers(ResourceType type, JsonNode obj) {
        if (!obj.path("metadata").path("finalizers").isEmpty()) {
            return true;
        }
        return type == ResourceTypes.NAMESPACES && !obj.path("spec").path("finalizers").isEmpty();
    }

    private static void checkPreconditions(ResourceType type, String name, JsonNode obj, DeleteOptions opts) {
        String uid = obj.path("metadata").path("uid").asText();
        if (opts.preconditionUid() != null && !opts.preconditionUid().equals(uid)) {
            throw ApiException.conflict(type.group(), type.plural(), name, "Precondition failed: UID in precondition: "
                    + opts.preconditionUid() + ", UID in object meta: " + uid);
        }
        String rv = obj.path("metadata").path("resourceVersion").asText();
        if (opts.preconditionResourceVersion() != null && !opts.preconditionResourceVersion().equals(rv)) {
            throw ApiException.conflict(type.group(), type.plural(), name, "Precondition failed: ResourceVersion in precondition: "
                    + opts.preconditionResourceVersion() + ", ResourceVersion in object meta: " + rv);
        }
    }

    /** Kubernetes' Status for a completed delete of a kind that does not return the object. */
    static ObjectNode successStatus(ResourceType type, JsonNode deleted) {
        ObjectNode s = Statuses.success(0);
        ObjectNode d = s.putObject("details").put("name", deleted.path("metadata").path("name").asText());
        if (!type.group().isEmpty()) {
            d.put("group", type.group());
        }
        d.put("kind", type.plural()).put("uid", deleted.path("metadata").path("uid").asText());
        return s;
    }
}
