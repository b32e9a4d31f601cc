package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Core v1 ReplicationControllers: an equality selector, which (unlike apps/v1) may change. */
final class ReplicationControllerValidator implements KindValidator<ReplicationController> {
    private static final FieldPath METADATA = FieldPath.root("metadata");
    private static final FieldPath SPEC = FieldPath.root("spec");

    @Override
    public Class<ReplicationController> model() {
        return ReplicationController.class;
    }

    @Override
    public List<FieldError> validate(ReplicationController rc) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(rc.getMetadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        errs.addAll(spec(rc.getSpec() == null ? new ReplicationControllerSpec() : rc.getSpec()));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ReplicationController n, ReplicationController o) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(n.getMetadata(), o.getMetadata(), METADATA));
        errs.addAll(spec(n.getSpec() == null ? new ReplicationControllerSpec() : n.getSpec()));
        return errs;
    }

    private static List<FieldError> spec(ReplicationControllerSpec spec) {
        List<FieldError> errs = new ArrayList<>(ProbeValidator.nonNegative(spec.getMinReadySeconds(), SPEC.child("minReadySeconds")));
        Map<String, String> selector = spec.getSelector() == null ? Map.of() : spec.getSelector();
        if (selector.isEmpty()) {
            errs.add(Errs.required(SPEC.child("selector"), ""));
        }
        errs.addAll(ProbeValidator.nonNegative(spec.getReplicas(), SPEC.child("replicas")));
        FieldPath templatePath = SPEC.child("template");
        if (spec.getTemplate() == null) {
            errs.add(Errs.required(templatePath, ""));
            return errs;
        }
        Map<String, String> labels = spec.getTemplate().getMetadata() == null ? null : spec.getTemplate().getMetadata().getLabels();
        if (!selector.isEmpty() && !LabelValidator.matches(selector, labels)) {
            errs.add(Errs.invalid(templatePath.child("metadata", "labels"), GoValue.stringMap(labels),
                    "`selector` does not match template `labels`"));
        }
        errs.addAll(PodTemplateValidator.replicatedTemplate(spec.getTemplate(), templatePath, "ReplicationController"));
        return errs;
    }
}
