package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/** apps/v1 Deployments. */
final class DeploymentValidator implements KindValidator<Deployment> {
    private static final FieldPath METADATA = FieldPath.root("metadata");
    private static final FieldPath SPEC = FieldPath.root("spec");
    private static final List<String> STRATEGIES = List.of("Recreate", "RollingUpdate");

    @Override
    public Class<Deployment> model() {
        return Deployment.class;
    }

    @Override
    public List<FieldError> validate(Deployment d) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(d.getMetadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        errs.addAll(spec(d.getSpec() == null ? new DeploymentSpec() : d.getSpec()));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(Deployment n, Deployment o) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(n.getMetadata(), o.getMetadata(), METADATA));
        DeploymentSpec ns = n.getSpec() == null ? new DeploymentSpec() : n.getSpec();
        DeploymentSpec os = o.getSpec() == null ? new DeploymentSpec() : o.getSpec();
        errs.addAll(spec(ns));
        errs.addAll(ReplicaSelectorValidator.selectorUnchanged(ns.getSelector(), os.getSelector(), SPEC.child("selector")));
        return errs;
    }

    private static List<FieldError> spec(DeploymentSpec spec) {
        List<FieldError> errs = new ArrayList<>(ProbeValidator.nonNegative(spec.getReplicas(), SPEC.child("replicas")));
        errs.addAll(ReplicaSelectorValidator.selectorAndTemplate(spec.getSelector(), spec.getTemplate(), SPEC));
        errs.addAll(strategy(spec.getStrategy(), SPEC.child("strategy")));
        int minReady = spec.getMinReadySeconds() == null ? 0 : spec.getMinReadySeconds();
        errs.addAll(ProbeValidator.nonNegative(minReady, SPEC.child("minReadySeconds")));
        errs.addAll(ProbeValidator.nonNegative(spec.getRevisionHistoryLimit(), SPEC.child("revisionHistoryLimit")));
        if (spec.getProgressDeadlineSeconds() != null) {
            FieldPath p = SPEC.child("progressDeadlineSeconds");
            errs.addAll(ProbeValidator.nonNegative(spec.getProgressDeadlineSeconds(), p));
            if (spec.getProgressDeadlineSeconds() <= minReady) {
                errs.add(Errs.invalid(p, spec.getProgressDeadlineSeconds(), "must be greater than minReadySeconds"));
            }
        }
        return errs;
    }

    private static List<FieldError> strategy(DeploymentStrategy strategy, FieldPath path) {
        DeploymentStrategy s = strategy == null ? new DeploymentStrategy() : strategy;
        String type = s.getType() == null ? "" : s.getType();
        switch (type) {
            case "Recreate" -> {
                if (s.getRollingUpdate() != null) {
                    return List.of(Errs.forbidden(path.child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'"));
                }
                return List.of();
            }
            case "RollingUpdate" -> {
                if (s.getRollingUpdate() == null) {
                    return List.of(Errs.required(path.child("rollingUpdate"), "this should be defaulted and never be nil"));
                }
                return rollingUpdate(s.getRollingUpdate(), path.child("rollingUpdate"));
            }
            default -> {
                // Kubernetes prints the whole strategy struct here.
                GoValue.Literal value = GoValue.struct("apps.DeploymentStrategy", "Type", type, "RollingUpdate",
                        GoValue.literal(s.getRollingUpdate() == null ? "(*apps.RollingUpdateDeployment)(nil)"
                                : "&apps.RollingUpdateDeployment{MaxUnavailable:" + intOrString(s.getRollingUpdate().getMaxUnavailable())
                                + ", MaxSurge:" + intOrString(s.getRollingUpdate().getMaxSurge()) + "}"));
                return List.of(Errs.notSupported(path, value, STRATEGIES));
            }
        }
    }

    private static List<FieldError> rollingUpdate(RollingUpdateDeployment ru, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(intOrPercent(ru.getMaxUnavailable(), path.child("maxUnavailable")));
        errs.addAll(intOrPercent(ru.getMaxSurge(), path.child("maxSurge")));
        if (value(ru.getMaxUnavailable()) == 0 && value(ru.getMaxSurge()) == 0) {
            // With neither extra nor missing pods allowed, a rollout could never make progress.
            errs.add(Errs.invalid(path.child("maxUnavailable"), shown(ru.getMaxUnavailable()), "may not be 0 when `maxSurge` is 0"));
        }
        Integer percent = percent(ru.getMaxUnavailable());
        if (percent != null && percent > 100) {
            errs.add(Errs.invalid(path.child("maxUnavailable"), shown(ru.getMaxUnavailable()), "must not be greater than 100%"));
        }
        return errs;
    }

    private static List<FieldError> intOrPercent(IntOrString v, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (v != null && v.getStrVal() != null) {
            for (String msg : Formats.percent(v.getStrVal())) {
                errs.add(Errs.invalid(path, shown(v), msg));
            }
        } else {
            errs.addAll(ProbeValidator.nonNegative(v == null || v.getIntVal() == null ? 0 : v.getIntVal(), path));
        }
        return errs;
    }

    /** An IntOrString prints through its String method: the number or the text, unquoted. */
    private static GoValue.Literal shown(IntOrString v) {
        return GoValue.literal(v == null ? "0" : v.getStrVal() != null ? v.getStrVal() : String.valueOf(v.getIntVal()));
    }

    private static String intOrString(IntOrString v) {
        if (v == null) {
            return "(*intstr.IntOrString)(nil)";
        }
        return v.getStrVal() != null ? "\"" + v.getStrVal() + "\"" : String.valueOf(v.getIntVal());
    }

    private static Integer percent(IntOrString v) {
        if (v == null || v.getStrVal() == null || !Formats.percent(v.getStrVal()).isEmpty()) {
            return null;
        }
        String digits = v.getStrVal().substring(0, v.getStrVal().length() - 1);
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private static int value(IntOrString v) {
        Integer p = percent(v);
        if (p != null) {
            return p;
        }
        if (v == null) {
            return 0;
        }
        if (v.getIntVal() != null) {
            return v.getIntVal();
        }
        try {
            return Integer.parseInt(v.getStrVal());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
