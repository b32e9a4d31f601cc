package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Where a pod may run: tolerations, affinity and topology spread constraints. */
final class SchedulingValidator {
    private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final List<String> TOLERATION_OPERATORS = List.of("Equal", "Exists");
    private static final Set<String> SCHEDULE_ACTIONS = new TreeSet<>(List.of("DoNotSchedule", "ScheduleAnyway"));
    private static final Set<String> NODE_INCLUSION_POLICIES = new TreeSet<>(List.of("Ignore", "Honor"));

    private SchedulingValidator() {
    }

    static List<FieldError> tolerations(List<Toleration> tolerations, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; tolerations != null && i < tolerations.size(); i++) {
            Toleration t = tolerations.get(i);
            FieldPath p = path.index(i);
            String key = nz(t.getKey());
            String op = nz(t.getOperator());
            String effect = nz(t.getEffect());
            String value = nz(t.getValue());
            if (!key.isEmpty()) {
                errs.addAll(LabelValidator.labelName(key, p.child("key")));
            }
            if (key.isEmpty() && !op.equals("Exists")) {
                errs.add(Errs.invalid(p.child("operator"), op,
                        "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
            }
            if (t.getTolerationSeconds() != null && !effect.equals("NoExecute")) {
                errs.add(Errs.invalid(p.child("effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
            }
            switch (op) {
                case "Equal", "" -> {
                    List<String> msgs = Formats.labelValue(value);
                    if (!msgs.isEmpty()) {
                        errs.add(Errs.invalid(p.child("operator"), value, String.join(";", msgs)));
                    }
                }
                case "Exists" -> {
                    if (!value.isEmpty()) {
                        errs.add(Errs.invalid(p.child("operator"), value, "value must be empty when `operator` is 'Exists'"));
                    }
                }
                default -> errs.add(Errs.notSupported(p.child("operator"), op, TOLERATION_OPERATORS));
            }
            if (!effect.isEmpty()) {
                errs.addAll(taintEffect(effect, p.child("effect")));
            }
        }
        return errs;
    }

    static List<FieldError> taintEffect(String effect, FieldPath path) {
        return TAINT_EFFECTS.contains(effect) ? List.of() : List.of(Errs.notSupported(path, effect, TAINT_EFFECTS));
    }

    static List<FieldError> affinity(Affinity affinity, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (affinity == null) {
            return errs;
        }
        if (affinity.getNodeAffinity() != null) {
            errs.addAll(nodeAffinity(affinity.getNodeAffinity(), path.child("nodeAffinity")));
        }
        if (affinity.getPodAffinity() != null) {
            errs.addAll(podAffinityTerms(affinity.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
                    path.child("podAffinity", "requiredDuringSchedulingIgnoredDuringExecution")));
            errs.addAll(weightedTerms(affinity.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(),
                    path.child("podAffinity", "preferredDuringSchedulingIgnoredDuringExecution")));
        }
        if (affinity.getPodAntiAffinity() != null) {
            errs.addAll(podAffinityTerms(affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
                    path.child("podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution")));
            errs.addAll(weightedTerms(affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(),
                    path.child("podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution")));
        }
        return errs;
    }

    private static List<FieldError> nodeAffinity(NodeAffinity na, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        NodeSelector required = na.getRequiredDuringSchedulingIgnoredDuringExecution();
        if (required != null) {
            FieldPath termsPath = path.child("requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms");
            List<NodeSelectorTerm> terms = required.getNodeSelectorTerms() == null ? List.of() : required.getNodeSelectorTerms();
            if (terms.isEmpty()) {
                errs.add(Errs.required(termsPath, "must have at least one node selector term"));
            }
            for (int i = 0; i < terms.size(); i++) {
                errs.addAll(nodeSelectorTerm(terms.get(i), false, termsPath.index(i)));
            }
        }
        List<PreferredSchedulingTerm> preferred = na.getPreferredDuringSchedulingIgnoredDuringExecution();
        for (int i = 0; preferred != null && i < preferred.size(); i++) {
            FieldPath p = path.child("preferredDuringSchedulingIgnoredDuringExecution").index(i);
            int weight = preferred.get(i).getWeight() == null ? 0 : preferred.get(i).getWeight();
            if (weight <= 0 || weight > 100) {
                errs.add(Errs.invalid(p.child("weight"), weight, "must be in the range 1-100"));
            }
            // Invalid label values are tolerated in preferences: they simply never match.
            errs.addAll(nodeSelectorTerm(preferred.get(i).getPreference(), true, p.child("preference")));
        }
        return errs;
    }

    private static List<FieldError> nodeSelectorTerm(NodeSelectorTerm term, boolean allowInvalidValues, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (term == null) {
            return errs;
        }
        List<NodeSelectorRequirement> exprs = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
        for (int j = 0; j < exprs.size(); j++) {
            FieldPath p = path.child("matchExpressions").index(j);
            NodeSelectorRequirement r = exprs.get(j);
            List<String> values = r.getValues() == null ? List.of() : r.getValues();
            switch (nz(r.getOperator())) {
                case "In", "NotIn" -> {
                    if (values.isEmpty()) {
                        errs.add(Errs.required(p.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (!values.isEmpty()) {
                        errs.add(Errs.forbidden(p.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    }
                }
                case "Gt", "Lt" -> {
                    if (values.size() != 1) {
                        errs.add(Errs.required(p.child("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
                    }
                }
                default -> errs.add(Errs.invalid(p.child("operator"), nz(r.getOperator()), "not a valid selector operator"));
            }
            errs.addAll(LabelValidator.labelName(r.getKey(), p.child("key")));
            if (!allowInvalidValues) {
                for (int v = 0; v < values.size(); v++) {
                    for (String msg : Formats.labelValue(nz(values.get(v)))) {
                        errs.add(Errs.invalid(p.child("values").index(v), nz(values.get(v)), msg));
                    }
                }
            }
        }
        List<NodeSelectorRequirement> fields = term.getMatchFields() == null ? List.of() : term.getMatchFields();
        for (int j = 0; j < fields.size(); j++) {
            FieldPath p = path.child("matchFields").index(j);
            NodeSelectorRequirement r = fields.get(j);
            List<String> values = r.getValues() == null ? List.of() : r.getValues();
            String op = nz(r.getOperator());
            if (op.equals("In") || op.equals("NotIn")) {
                if (values.size() != 1) {
                    errs.add(Errs.required(p.child("values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
                }
            } else {
                errs.add(Errs.invalid(p.child("operator"), op, "not a valid selector operator"));
            }
            if (!"metadata.name".equals(r.getKey())) {
                errs.add(Errs.invalid(p.child("key"), nz(r.getKey()), "not a valid field selector key"));
            } else {
                for (int v = 0; v < values.size(); v++) {
                    for (String msg : NameValidator.DNS_SUBDOMAIN.check(nz(values.get(v)), false)) {
                        errs.add(Errs.invalid(p.child("values").index(v), nz(values.get(v)), msg));
                    }
                }
            }
        }
        return errs;
    }

    private static List<FieldError> podAffinityTerms(List<PodAffinityTerm> terms, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; terms != null && i < terms.size(); i++) {
            errs.addAll(podAffinityTerm(terms.get(i), path.index(i)));
        }
        return errs;
    }

    private static List<FieldError> weightedTerms(List<WeightedPodAffinityTerm> terms, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; terms != null && i < terms.size(); i++) {
            int weight = terms.get(i).getWeight() == null ? 0 : terms.get(i).getWeight();
            if (weight <= 0 || weight > 100) {
                errs.add(Errs.invalid(path.index(i).child("weight"), weight, "must be in the range 1-100"));
            }
            errs.addAll(podAffinityTerm(terms.get(i).getPodAffinityTerm(), path.index(i).child("podAffinityTerm")));
        }
        return errs;
    }

    private static List<FieldError> podAffinityTerm(PodAffinityTerm term, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (term == null) {
            return errs;
        }
        errs.addAll(LabelValidator.selector(term.getLabelSelector(), path.child("labelSelector")));
        errs.addAll(LabelValidator.selector(term.getNamespaceSelector(), path.child("namespaceSelector")));
        for (String ns : term.getNamespaces() == null ? List.<String>of() : term.getNamespaces()) {
            for (String msg : NameValidator.DNS_LABEL.check(nz(ns), false)) {
                errs.add(Errs.invalid(path.child("namespace"), nz(ns), msg));
            }
        }
        String key = nz(term.getTopologyKey());
        if (key.isEmpty()) {
            errs.add(Errs.required(path.child("topologyKey"), "can not be empty"));
        }
        errs.addAll(LabelValidator.labelName(key, path.child("topologyKey")));
        return errs;
    }

    static List<FieldError> topologySpread(List<TopologySpreadConstraint> constraints, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; constraints != null && i < constraints.size(); i++) {
            TopologySpreadConstraint c = constraints.get(i);
            FieldPath p = path.index(i);
            int maxSkew = c.getMaxSkew() == null ? 0 : c.getMaxSkew();
            if (maxSkew <= 0) {
                errs.add(Errs.invalid(p.child("maxSkew"), maxSkew, "must be greater than zero"));
            }
            if (nz(c.getTopologyKey()).isEmpty()) {
                errs.add(Errs.required(p.child("topologyKey"), "can not be empty"));
            }
            String action = nz(c.getWhenUnsatisfiable());
            if (!SCHEDULE_ACTIONS.contains(action)) {
                errs.add(Errs.notSupported(p.child("whenUnsatisfiable"), action, SCHEDULE_ACTIONS));
            }
            for (int j = i + 1; j < constraints.size(); j++) {
                TopologySpreadConstraint other = constraints.get(j);
                if (nz(c.getTopologyKey()).equals(nz(other.getTopologyKey())) && action.equals(nz(other.getWhenUnsatisfiable()))) {
                    errs.add(Errs.duplicate(p.child("{topologyKey, whenUnsatisfiable}"), "{" + nz(c.getTopologyKey()) + ", " + action + "}"));
                    break;
                }
            }
            if (c.getMinDomains() != null) {
                if (c.getMinDomains() <= 0) {
                    errs.add(Errs.invalid(p.child("minDomains"), c.getMinDomains(), "must be greater than zero"));
                }
                if (!action.equals("DoNotSchedule")) {
                    errs.add(Errs.invalid(p.child("minDomains"), c.getMinDomains(),
                            "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + action));
                }
            }
            if (c.getNodeAffinityPolicy() != null && !NODE_INCLUSION_POLICIES.contains(c.getNodeAffinityPolicy())) {
                errs.add(Errs.notSupported(p.child("nodeAffinityPolicy"), c.getNodeAffinityPolicy(), NODE_INCLUSION_POLICIES));
            }
            if (c.getNodeTaintsPolicy() != null && !NODE_INCLUSION_POLICIES.contains(c.getNodeTaintsPolicy())) {
                errs.add(Errs.notSupported(p.child("nodeTaintsPolicy"), c.getNodeTaintsPolicy(), NODE_INCLUSION_POLICIES));
            }
            errs.addAll(LabelValidator.selector(c.getLabelSelector(), p.child("labelSelector")));
        }
        return errs;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
