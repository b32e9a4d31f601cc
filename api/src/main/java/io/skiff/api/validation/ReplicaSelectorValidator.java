package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What apps/v1 Deployments and ReplicaSets share: a required, non-empty label selector that matches
 * the pod template's labels, and that never changes after creation.
 */
final class ReplicaSelectorValidator {
    private static final String MISMATCH = "`selector` does not match template `labels`";

    private ReplicaSelectorValidator() {
    }

    /** Selector and template checks, in Kubernetes' order; {@code path} is the spec's path. */
    static List<FieldError> selectorAndTemplate(LabelSelector selector, PodTemplateSpec template, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (selector == null) {
            errs.add(Errs.required(path.child("selector"), ""));
        } else {
            errs.addAll(LabelValidator.selector(selector, path.child("selector")));
            if (LabelValidator.isEmpty(selector)) {
                // Kubernetes uses this wording for ReplicaSets too.
                errs.add(Errs.invalid(path.child("selector"), GoValue.labelSelector(selector), "empty selector is invalid for deployment"));
            }
        }
        PodTemplateSpec t = template == null ? new PodTemplateSpec() : template;
        if (!LabelValidator.isConvertible(selector)) {
            errs.add(Errs.invalid(path.child("selector"), GoValue.labelSelector(selector), "invalid label selector"));
            return errs;
        }
        // A missing selector selects nothing, so it "does not match" either; an empty one selects everything.
        Map<String, String> labels = t.getMetadata() == null ? null : t.getMetadata().getLabels();
        if (selector == null || !LabelValidator.isEmpty(selector) && !LabelValidator.matches(selector, labels)) {
            errs.add(Errs.invalid(path.child("template", "metadata", "labels"), GoValue.stringMap(labels), MISMATCH));
        }
        errs.addAll(PodTemplateValidator.replicatedTemplate(t, path.child("template"), "ReplicaSet"));
        return errs;
    }

    /** apps/v1 made the selector immutable: changing it would orphan the existing pods. */
    static List<FieldError> selectorUnchanged(LabelSelector n, LabelSelector o, FieldPath path) {
        if (sameSelector(n, o)) {
            return List.of();
        }
        return List.of(Errs.immutable(path, GoValue.labelSelector(n)));
    }

    private static boolean sameSelector(LabelSelector a, LabelSelector b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(nullIfEmpty(a.getMatchLabels()), nullIfEmpty(b.getMatchLabels()))
                && Objects.equals(nullIfEmpty(a.getMatchExpressions()), nullIfEmpty(b.getMatchExpressions()));
    }

    private static Object nullIfEmpty(Map<?, ?> m) {
        return m == null || m.isEmpty() ? null : m;
    }

    private static Object nullIfEmpty(List<?> l) {
        return l == null || l.isEmpty() ? null : l;
    }
}
