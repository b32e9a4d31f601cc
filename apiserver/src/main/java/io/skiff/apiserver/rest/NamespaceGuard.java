package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.storage.ObjectStorage;

import java.util.Optional;

/** Namespace lifecycle admission: no objects in a namespace that is missing or being deleted. */
final class NamespaceGuard {
    private final ObjectStorage storage;

    NamespaceGuard(ObjectStorage storage) {
        this.storage = storage;
    }

    void checkCreateAllowed(String namespace) {
        Optional<ObjectNode> ns = storage.find(ResourceTypes.NAMESPACES, null, namespace);
        if (ns.isEmpty()) {
            throw ApiException.notFound("", "namespaces", namespace);
        }
        if (ns.get().path("metadata").has("deletionTimestamp")) {
            throw ApiException.forbidden("unable to create new content in namespace " + namespace
                    + " because it is being terminated");
        }
    }
}
