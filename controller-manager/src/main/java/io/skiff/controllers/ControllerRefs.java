package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.skiff.client.Keys;

import java.util.Optional;

/**
 * Adoption and release of dependents through a {@code controller: true} ownerReference,
 * written as strategic merge patches keyed by the owner's uid so that other owners'
 * references are left alone.
 */
final class ControllerRefs {
    private ControllerRefs() {
    }

    static OwnerReference controllerRef(HasMetadata owner, String apiVersion, String kind) {
        return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build();
    }

    static Optional<OwnerReference> controllerOf(HasMetadata obj) {
        return Keys.controllerOf(obj);
    }

    static boolean isControlledBy(HasMetadata obj, HasMetadata owner) {
        return controllerOf(obj).map(r -> owner.getMetadata().getUid().equals(r.getUid())).orElse(false);
    }

    static <D extends HasMetadata> void adopt(KubernetesClient client, Class<D> type, D dependent, HasMetadata owner,
                                              String apiVersion, String kind) {
        OwnerReference ref = controllerRef(owner, apiVersion, kind);
        String patch = String.format("{\"metadata\":{\"ownerReferences\":[{\"apiVersion\":\"%s\",\"kind\":\"%s\","
                        + "\"name\":\"%s\",\"uid\":\"%s\",\"controller\":true,\"blockOwnerDeletion\":true}]}}",
                ref.getApiVersion(), ref.getKind(), ref.getName(), ref.getUid());
        patch(client, type, dependent, patch);
    }

    static <D extends HasMetadata> void release(KubernetesClient client, Class<D> type, D dependent, HasMetadata owner) {
        String patch = String.format("{\"metadata\":{\"ownerReferences\":[{\"$patch\":\"delete\",\"uid\":\"%s\"}]}}",
                owner.getMetadata().getUid());
        patch(client, type, dependent, patch);
    }

    private static <D extends HasMetadata> void patch(KubernetesClient client, Class<D> type, D dependent, String patch) {
        client.resources(type).inNamespace(dependent.getMetadata().getNamespace())
                .withName(dependent.getMetadata().getName())
                .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
    }
}
