package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Label keys and values, label maps and label selectors, with Kubernetes' paths and messages. */
public final class LabelValidator {
    private LabelValidator() {
    }

    /** A label key (a qualified name). Kubernetes reports it on the path of the whole map. */
    public static List<FieldError> labelName(String name, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String msg : Formats.qualifiedName(name == null ? "" : name)) {
            errs.add(Errs.invalid(path, name == null ? "" : name, msg));
        }
        return errs;
    }

    public static List<FieldError> labels(Map<String, String> labels, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (labels == null) {
            return errs;
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            errs.addAll(labelName(e.getKey(), path));
            String v = e.getValue() == null ? "" : e.getValue();
            for (String msg : Formats.labelValue(v)) {
                errs.add(Errs.invalid(path, v, msg));
            }
        }
        return errs;
    }

    /** A metav1.LabelSelector; label values in expressions are checked strictly, as for workloads. */
    public static List<FieldError> selector(LabelSelector selector, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (selector == null) {
            return errs;
        }
        errs.addAll(labels(selector.getMatchLabels(), path.child("matchLabels")));
        List<LabelSelectorRequirement> exprs = selector.getMatchExpressions();
        for (int i = 0; exprs != null && i < exprs.size(); i++) {
            errs.addAll(requirement(exprs.get(i), path.child("matchExpressions").index(i)));
        }
        return errs;
    }

    private static List<FieldError> requirement(LabelSelectorRequirement r, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String op = r.getOperator() == null ? "" : r.getOperator();
        switch (op) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    errs.add(Errs.required(path.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    errs.add(Errs.forbidden(path.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                }
            }
            default -> errs.add(Errs.invalid(path.child("operator"), op, "not a valid selector operator"));
        }
        errs.addAll(labelName(r.getKey(), path.child("key")));
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i);
            for (String msg : Formats.labelValue(v)) {
                errs.add(Errs.invalid(path.child("values").index(i), v, msg));
            }
        }
        return errs;
    }

    /** True when the selector has neither matchLabels nor matchExpressions. */
    public static boolean isEmpty(LabelSelector selector) {
        return selector == null
                || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    /** False when an expression has an operator Kubernetes cannot turn into a selector. */
    public static boolean isConvertible(LabelSelector selector) {
        if (selector == null || selector.getMatchExpressions() == null) {
            return true;
        }
        for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
            String op = r.getOperator() == null ? "" : r.getOperator();
            List<String> values = r.getValues() == null ? List.of() : r.getValues();
            boolean ok = switch (op) {
                case "In", "NotIn" -> !values.isEmpty();
                case "Exists", "DoesNotExist" -> values.isEmpty();
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code labels} satisfy the selector; an empty selector matches everything. */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> l = labels == null ? Map.of() : labels;
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(l.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                List<String> values = r.getValues() == null ? List.of() : r.getValues();
                boolean has = l.containsKey(r.getKey());
                boolean ok = switch (r.getOperator() == null ? "" : r.getOperator()) {
                    case "In" -> has && values.contains(l.get(r.getKey()));
                    case "NotIn" -> !has || !values.contains(l.get(r.getKey()));
                    case "Exists" -> has;
                    case "DoesNotExist" -> !has;
                    default -> false;
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Equality-based selector (Service, ReplicationController): every pair must be present. */
    public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        Map<String, String> l = labels == null ? Map.of() : labels;
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(l.get(e.getKey())));
    }
}
