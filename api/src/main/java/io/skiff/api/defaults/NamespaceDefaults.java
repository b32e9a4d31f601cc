package io.skiff.api.defaults;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.fabric8.kubernetes.api.model.NamespaceStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Namespaces: the "kubernetes" finalizer (the namespace controller empties the namespace before it
 * goes), phase Active, and the immutable kubernetes.io/metadata.name label selectors can rely on.
 */
final class NamespaceDefaults {
    static final String NAME_LABEL = "kubernetes.io/metadata.name";

    private NamespaceDefaults() {
    }

    static void apply(Namespace ns) {
        if (ns.getSpec() == null) {
            ns.setSpec(new NamespaceSpec());
        }
        if (ns.getSpec().getFinalizers() == null || ns.getSpec().getFinalizers().isEmpty()) {
            ns.getSpec().setFinalizers(new ArrayList<>(List.of("kubernetes")));
        }
        if (ns.getStatus() == null) {
            ns.setStatus(new NamespaceStatus());
        }
        if (ContainerDefaults.isEmpty(ns.getStatus().getPhase())) {
            ns.getStatus().setPhase("Active");
        }
        // Without a name yet (generateName) there is nothing to label.
        if (ns.getMetadata() != null && !ContainerDefaults.isEmpty(ns.getMetadata().getName())) {
            if (ns.getMetadata().getLabels() == null) {
                ns.getMetadata().setLabels(new LinkedHashMap<>());
            }
            ns.getMetadata().getLabels().put(NAME_LABEL, ns.getMetadata().getName());
        }
    }
}
