package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.storage.ObjectStorage;
import io.skiff.apiserver.watch.ObjectCache;

/**
 * Namespace lifecycle admission: no objects in a namespace that is missing or being deleted.
 * Answers from the namespace cache; a namespace not (yet) cached is read from the store, so a
 * namespace created a moment ago is never refused.
 */
final class NamespaceGuard {
    private final ObjectStorage storage;
    private final ObjectCache namespaces;

    NamespaceGuard(ObjectStorage storage, ObjectCache namespaces) {
        this.storage = storage;
        this.namespaces = namespaces;
    }

    void checkCreateAllowed(String namespace) {
        ObjectNode ns = namespaces.get(null, namespace);
        if (ns == null) {
            ns = storage.find(ResourceTypes.NAMESPACES, null, namespace)
                    .orElseThrow(() -> ApiException.notFound("", "namespaces", namespace));
        }
        if (ns.path("metadata").has("deletionTimestamp")) {
            throw ApiException.forbidden("unable to create new content in namespace " + namespace
                    + " because it is being terminated");
        }
    }
}
