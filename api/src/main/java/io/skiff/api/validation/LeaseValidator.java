package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/** coordination.k8s.io Leases: positive durations and known coordination strategies. */
final class LeaseValidator implements KindValidator<Lease> {
    private static final FieldPath METADATA = FieldPath.root("metadata");
    private static final FieldPath SPEC = FieldPath.root("spec");
    private static final List<String> STRATEGIES = List.of("OldestEmulationVersion");

    @Override
    public Class<Lease> model() {
        return Lease.class;
    }

    @Override
    public List<FieldError> validate(Lease lease) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(lease.getMetadata(), true, NameValidator.DNS_SUBDOMAIN, false, METADATA));
        errs.addAll(spec(lease.getSpec()));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(Lease n, Lease o) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(n.getMetadata(), o.getMetadata(), false, METADATA));
        errs.addAll(spec(n.getSpec()));
        return errs;
    }

    private static List<FieldError> spec(LeaseSpec spec) {
        List<FieldError> errs = new ArrayList<>();
        if (spec == null) {
            return errs;
        }
        if (spec.getLeaseDurationSeconds() != null && spec.getLeaseDurationSeconds() <= 0) {
            errs.add(Errs.invalid(SPEC.child("leaseDurationSeconds"), spec.getLeaseDurationSeconds(), "must be greater than 0"));
        }
        if (spec.getLeaseTransitions() != null && spec.getLeaseTransitions() < 0) {
            errs.add(Errs.invalid(SPEC.child("leaseTransitions"), spec.getLeaseTransitions(), "must be greater than or equal to 0"));
        }
        String strategy = spec.getStrategy();
        if (strategy != null) {
            // Kubernetes nests the field name once more here: spec.strategy.strategy.
            FieldPath p = SPEC.child("strategy", "strategy");
            if (!strategy.contains("/")) {
                if (!STRATEGIES.contains(strategy)) {
                    errs.add(Errs.notSupported(p, strategy, STRATEGIES));
                }
            } else {
                for (String msg : Formats.qualifiedName(strategy)) {
                    errs.add(Errs.invalid(p, strategy, msg));
                }
            }
        }
        if (spec.getPreferredHolder() != null && !spec.getPreferredHolder().isEmpty() && (strategy == null || strategy.isEmpty())) {
            errs.add(Errs.forbidden(SPEC.child("preferredHolder"), "may only be specified if `strategy` is defined"));
        }
        return errs;
    }
}
