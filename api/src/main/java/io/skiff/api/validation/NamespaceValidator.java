package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Namespace;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/** Namespaces: DNS-label names (they become DNS zones), cluster-scoped, standard or qualified finalizers. */
final class NamespaceValidator implements KindValidator<Namespace> {
    private static final FieldPath METADATA = FieldPath.root("metadata");

    @Override
    public Class<Namespace> model() {
        return Namespace.class;
    }

    @Override
    public List<FieldError> validate(Namespace ns) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(ns.getMetadata(), false, NameValidator.DNS_LABEL, METADATA));
        List<String> finalizers = ns.getSpec() == null || ns.getSpec().getFinalizers() == null ? List.of() : ns.getSpec().getFinalizers();
        for (String f : finalizers) {
            // Kubernetes reports these on the list's path, without an index.
            errs.addAll(MetadataValidator.namespaceFinalizer(f == null ? "" : f, FieldPath.root("spec").child("finalizers")));
        }
        return errs;
    }

    /** Only metadata changes through an update; spec.finalizers changes through the finalize subresource. */
    @Override
    public List<FieldError> validateUpdate(Namespace n, Namespace o) {
        return MetadataValidator.validateUpdate(n.getMetadata(), o.getMetadata(), METADATA);
    }
}
