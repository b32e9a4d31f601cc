package io.skiff.client;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;

import java.util.Optional;

/** Work-queue keys: {@code namespace/name}, or {@code name} for cluster-scoped objects. */
public final class Keys {
    private Keys() {
    }

    public static String of(HasMetadata obj) {
        return of(obj.getMetadata().getNamespace(), obj.getMetadata().getName());
    }

    public static String of(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    public static String namespace(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? null : key.substring(0, slash);
    }

    public static String name(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    /** The ownerReference with {@code controller: true}, if any. */
    public static Optional<OwnerReference> controllerOf(HasMetadata obj) {
        if (obj.getMetadata().getOwnerReferences() == null) {
            return Optional.empty();
        }
        return obj.getMetadata().getOwnerReferences().stream()
                .filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
    }
}
