package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/** apps/v1 ReplicaSets. */
final class ReplicaSetValidator implements KindValidator<ReplicaSet> {
    private static final FieldPath METADATA = FieldPath.root("metadata");
    private static final FieldPath SPEC = FieldPath.root("spec");

    @Override
    public Class<ReplicaSet> model() {
        return ReplicaSet.class;
    }

    @Override
    public List<FieldError> validate(ReplicaSet rs) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(rs.getMetadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        errs.addAll(spec(rs.getSpec() == null ? new ReplicaSetSpec() : rs.getSpec()));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ReplicaSet n, ReplicaSet o) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(n.getMetadata(), o.getMetadata(), METADATA));
        ReplicaSetSpec ns = n.getSpec() == null ? new ReplicaSetSpec() : n.getSpec();
        ReplicaSetSpec os = o.getSpec() == null ? new ReplicaSetSpec() : o.getSpec();
        errs.addAll(spec(ns));
        errs.addAll(ReplicaSelectorValidator.selectorUnchanged(ns.getSelector(), os.getSelector(), SPEC.child("selector")));
        return errs;
    }

    private static List<FieldError> spec(ReplicaSetSpec spec) {
        List<FieldError> errs = new ArrayList<>(ProbeValidator.nonNegative(spec.getReplicas(), SPEC.child("replicas")));
        errs.addAll(ProbeValidator.nonNegative(spec.getMinReadySeconds(), SPEC.child("minReadySeconds")));
        errs.addAll(ReplicaSelectorValidator.selectorAndTemplate(spec.getSelector(), spec.getTemplate(), SPEC));
        return errs;
    }
}
