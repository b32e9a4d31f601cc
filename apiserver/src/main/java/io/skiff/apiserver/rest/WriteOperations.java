package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.api.errors.FieldError;
import io.skiff.api.patch.Patches;
import io.skiff.apiserver.alloc.ServiceAllocations;
import io.skiff.apiserver.http.MediaTypes;
import io.skiff.apiserver.http.RequestBodies;
import io.skiff.apiserver.http.Responses;
import io.skiff.apiserver.http.Statuses;
import io.skiff.apiserver.storage.ObjectStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** create, update (PUT), patch, delete and deletecollection of any resource. */
final class WriteOperations {
    private static final Logger log = LoggerFactory.getLogger(WriteOperations.class);
    private static final String NAME_SUFFIX_CHARS = "bcdfghjklmnpqrstvwxz2456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectStorage storage;
    private final ServiceAllocations allocations;
    private final UpdateEngine updates;
    private final Deleter deleter;
    private final NamespaceGuard namespaces;

    WriteOperations(ObjectStorage storage, ServiceAllocations allocations, UpdateEngine updates, Deleter deleter,
                    NamespaceGuard namespaces) {
        this.storage = storage;
        this.allocations = allocations;
        this.updates = updates;
        this.deleter = deleter;
        this.namespaces = namespaces;
    }

    void create(ApiRequest r) {
        ObjectNode obj = RequestBodies.decodeObject(RequestBodies.read(r.ctx), r.ctx.contentType());
        if (r.name() != null) {
            throw ApiException.methodNotAllowed("POST is not allowed on a single " + r.type.singular());
        }
        ObjectNode stored = create(r, obj);
        ReadOperations.writeObject(r, 201, stored);
    }

    /** Creates {@code obj} (already read from a body); used by POST and by apply-patch upserts. */
    ObjectNode create(ApiRequest r, ObjectNode body) {
        BodyChecks.check(r, body);
        FieldValidation fv = r.fieldValidation();
        ObjectNode obj = ObjectAdmission.normalize(r.type, body, fv, r::warn);
        ObjectNode meta = obj.with("metadata");
        if (meta.hasNonNull("resourceVersion") && !meta.path("resourceVersion").asText().isEmpty()) {
            throw ApiException.badRequest("resourceVersion should not be set on objects to be created");
        }
        String name = meta.path("name").asText("");
        String generateName = meta.path("generateName").asText("");
        if (name.isEmpty() && !generateName.isEmpty()) {
            meta.put("name", generateName + randomSuffix());
        }
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.remove("deletionTimestamp");
        meta.remove("deletionGracePeriodSeconds");
        if (r.strategy.tracksGeneration()) {
            meta.put("generation", 1);
        } else {
            meta.remove("generation");
        }
        r.strategy.prepareForCreate(obj);
        ObjectNode admitted = ObjectAdmission.admitCreate(r.type, obj);
        if (r.type.namespaced()) {
            namespaces.checkCreateAllowed(admitted.path("metadata").path("namespace").asText());
        }
        ServiceAllocations.Allocation alloc = r.type == ResourceTypes.SERVICES ? allocations.allocateCreate(admitted) : null;
        if (r.dryRun()) {
            if (alloc != null) {
                alloc.rollback();
            }
            return admitted;
        }
        try {
            ObjectNode stored = storage.create(r.type, admitted);
            log.debug("created {} {}", r.type.kind(), key(stored));
            return stored;
        } catch (RuntimeException e) {
            if (alloc != null) {
                alloc.rollback();
            }
            throw e;
        }
    }

    void update(ApiRequest r) {
        ObjectNode body = RequestBodies.decodeObject(RequestBodies.read(r.ctx), r.ctx.contentType());
        BodyChecks.check(r, body);
        boolean statusOnly = "status".equals(r.info.subresource());
        ObjectNode result = updates.update(r, r.namespace(), r.name(), statusOnly, current -> body.deepCopy());
        ReadOperations.writeObject(r, 200, result);
    }

    void patch(ApiRequest r) {
        byte[] patch = RequestBodies.read(r.ctx);
        String contentType = MediaTypes.base(r.ctx.contentType());
        if (!contentType.equals(MediaTypes.JSON_PATCH) && !contentType.equals(MediaTypes.MERGE_PATCH)
                && !contentType.equals(MediaTypes.STRATEGIC_MERGE_PATCH) && !contentType.equals(MediaTypes.APPLY_PATCH)) {
            throw ApiException.unsupportedMediaType(contentType);
        }
        boolean statusOnly = "status".equals(r.info.subresource());
        if (contentType.equals(MediaTypes.APPLY_PATCH) && storage.find(r.type, r.namespace(), r.name()).isEmpty()) {
            ObjectNode applied = RequestBodies.decodeObject(patch, MediaTypes.YAML);
            ReadOperations.writeObject(r, 201, create(r, applied));
            return;
        }
        ObjectNode result = updates.update(r, r.namespace(), r.name(), statusOnly, current -> {
            JsonNode patched = Patches.apply(contentType, current, patch, r.type);
            if (!(patched instanceof ObjectNode obj)) {
                throw ApiException.badRequest("the patch did not produce an object");
            }
            BodyChecks.check(r, obj);
            return obj;
        });
        ReadOperations.writeObject(r, 200, result);
    }

    void delete(ApiRequest r) {
        DeleteOptions opts = DeleteOptions.of(r, RequestBodies.read(r.ctx));
        Deleter.Outcome outcome = deleter.delete(r.strategy, r.namespace(), r.name(), opts);
        if (outcome.deleted() && !r.strategy.returnsDeletedObject()) {
            Responses.write(r.ctx, 200, Deleter.successStatus(r.type, outcome.object()), MediaTypes.Reply.JSON);
        } else {
            // 202 while finalizers hold the object; a graceful deletion in progress is a 200
            boolean heldByFinalizers = !outcome.deleted() && Deleter.hasPendingFinalizers(r.type, outcome.object());
            ReadOperations.writeObject(r, heldByFinalizers ? 202 : 200, outcome.object());
        }
    }

    /** DELETE on a collection: every object the selectors match, each deleted as if alone. */
    void deleteCollection(ApiRequest r) {
        DeleteOptions opts = DeleteOptions.of(r, RequestBodies.read(r.ctx));
        ObjectFilter filter = new ObjectFilter(r.type, r.namespace(), r.query("labelSelector"), r.query("fieldSelector"));
        ObjectStorage.Page page = storage.list(r.type, r.namespace(), null, 0, 0);
        for (ObjectNode o : page.items()) {
            if (!filter.test(o)) {
                continue;
            }
            try {
                deleter.delete(r.strategy, o.path("metadata").path("namespace").asText(null), o.path("metadata").path("name").asText(), opts);
            } catch (ApiException e) {
                if (e.code() != 404) {
                    throw e;
                }
            }
        }
        Responses.write(r.ctx, 200, Statuses.success(0), MediaTypes.Reply.JSON);
    }

    private static String randomSuffix() {
        StringBuilder sb = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            sb.append(NAME_SUFFIX_CHARS.charAt(RANDOM.nextInt(NAME_SUFFIX_CHARS.length())));
        }
        return sb.toString();
    }

    private static String key(JsonNode obj) {
        String ns = obj.path("metadata").path("namespace").asText("");
        return (ns.isEmpty() ? "" : ns + "/") + obj.path("metadata").path("name").asText();
    }

    static ApiException invalidName(ResourceType type, String name, String message) {
        return ApiException.invalid(type.group(), type.kind(), name, List.of(FieldError.invalid("metadata.name", name, message)));
    }
}
