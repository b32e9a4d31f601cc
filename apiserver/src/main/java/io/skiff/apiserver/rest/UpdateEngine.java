package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.alloc.ServiceAllocations;
import io.skiff.apiserver.storage.ObjectStorage;
import io.skiff.apiserver.storage.SameContent;

import java.util.function.UnaryOperator;

/**
 * Every update path (PUT, PATCH, /status, /scale) goes through here: read, change, admit,
 * compare-and-swap on the revision read, and retry on a concurrent write unless the client
 * pinned a resourceVersion, in which case it gets 409 Conflict. Nothing is ever overwritten
 * blindly.
 */
final class UpdateEngine {
    private static final int MAX_ATTEMPTS = 32;
    private final ObjectStorage storage;
    private final ServiceAllocations allocations;
    private final Deleter deleter;

    UpdateEngine(ObjectStorage storage, ServiceAllocations allocations, Deleter deleter) {
        this.storage = storage;
        this.allocations = allocations;
        this.deleter = deleter;
    }

    /** What a client asks for: its version of the object, given the current one (a copy). */
    interface Change extends UnaryOperator<ObjectNode> {
    }

    ObjectNode update(ApiRequest r, String namespace, String name, boolean statusOnly, Change change) {
        FieldValidation fv = r.fieldValidation();
        boolean dryRun = r.dryRun();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ObjectNode old = storage.get(r.type, namespace, name);
            long oldRv = ObjectStorage.revision(old);
            // the change sees the object without its version: a version in the result is the client's
            // own precondition (a PUT body's, or one a patch sets), anything else retries on conflict
            ObjectNode base = old.deepCopy();
            base.with("metadata").remove("resourceVersion");
            ObjectNode desired = ObjectAdmission.normalize(r.type, change.apply(base), fv, r::warn);
            long clientRv = ObjectStorage.revision(desired);
            if (clientRv < 0) {
                throw ApiException.badRequest("metadata.resourceVersion: Invalid value: \""
                        + desired.path("metadata").path("resourceVersion").asText() + "\": must be an integer");
            }
            boolean pinned = clientRv != 0;
            if (pinned && clientRv != oldRv) {
                throw ApiException.staleUpdate(r.type.group(), r.type.plural(), name);
            }
            keepSystemMetadata(desired, old);
            if (statusOnly) {
                r.strategy.prepareForStatusUpdate(desired, old);
            } else {
                r.strategy.prepareForUpdate(desired, old);
            }
            ObjectNode admitted = ObjectAdmission.admitUpdate(r.type, desired, old);
            admitted.with("metadata").put("resourceVersion", Long.toString(oldRv));
            if (SameContent.same(admitted, old)) {
                return old; // a no-op update writes nothing, as in Kubernetes
            }
            ServiceAllocations.Allocation alloc = r.type == ResourceTypes.SERVICES
                    ? allocations.allocateUpdate(admitted, old) : null;
            if (dryRun) {
                if (alloc != null) {
                    alloc.rollback();
                }
                return admitted;
            }
            try {
                ObjectNode stored = storage.update(r.type, admitted, oldRv);
                if (alloc != null) {
                    alloc.commit();
                }
                return deleter.finishIfReleased(r, stored);
            } catch (ApiException e) {
                if (alloc != null) {
                    alloc.rollback();
                }
                if (e.code() != 409 || pinned) {
                    throw e;
                }
                // written by someone else since we read it: apply the change to the new version
            }
        }
        throw ApiException.conflict(r.type.group(), r.type.plural(), name, "too many concurrent updates, please retry");
    }

    /** Fields only the server sets survive any update. */
    static void keepSystemMetadata(ObjectNode desired, ObjectNode old) {
        ObjectNode meta = desired.with("metadata");
        for (String f : new String[] {"uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"}) {
            io.skiff.apiserver.resource.ResourceStrategy.copyField(old.path("metadata"), meta, f);
        }
        if (!desired.hasNonNull("apiVersion")) {
            desired.put("apiVersion", old.path("apiVersion").asText());
        }
        if (!desired.hasNonNull("kind")) {
            desired.put("kind", old.path("kind").asText());
        }
    }
}
