package io.skiff.api.selector;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.skiff.api.errors.ApiException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A label selector: the AND of its {@link Requirement}s, kept sorted by key as Kubernetes
 * keeps them, so {@link #toString()} is the canonical form ({@code app=web,tier in (a,b)}).
 * The empty selector matches everything; {@link #nothing()} (what a null
 * {@code LabelSelector} object means) matches nothing.
 */
public final class LabelSelector {
    private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
    private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

    private final List<Requirement> requirements;
    private final boolean nothing;

    private LabelSelector(List<Requirement> requirements, boolean nothing) {
        List<Requirement> sorted = new ArrayList<>(requirements);
        sorted.sort(Comparator.comparing(Requirement::key));
        this.requirements = List.copyOf(sorted);
        this.nothing = nothing;
    }

    public static LabelSelector everything() {
        return EVERYTHING;
    }

    public static LabelSelector nothing() {
        return NOTHING;
    }

    /**
     * Parses the {@code labelSelector} query syntax ({@code a=b}, {@code a==b}, {@code a!=b},
     * {@code a in (x,y)}, {@code a notin (x)}, {@code a}, {@code !a}, {@code a>1},
     * {@code a<1}; comma is AND; whitespace around tokens is ignored). A null or blank
     * string selects everything. Errors are 400 BadRequest in Kubernetes' words.
     */
    public static LabelSelector parse(String selector) {
        if (selector == null) {
            return EVERYTHING;
        }
        return new LabelSelector(LabelSelectorParser.parse(selector), false);
    }

    /**
     * The selector of an API object's {@code LabelSelector} field, as Kubernetes'
     * {@code LabelSelectorAsSelector}: null selects nothing, an empty one everything.
     */
    public static LabelSelector from(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        if (selector == null) {
            return NOTHING;
        }
        Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        List<Requirement> requirements = new ArrayList<>();
        matchLabels.forEach((k, v) -> requirements.add(Requirement.of(k, Operator.EQUALS, List.of(v))));
        for (LabelSelectorRequirement e : expressions) {
            List<String> values = e.getValues() == null ? List.of() : e.getValues();
            requirements.add(Requirement.of(e.getKey() == null ? "" : e.getKey(), operator(e.getOperator()), values));
        }
        return new LabelSelector(requirements, false);
    }

    /**
     * Equality on every entry, without validation: the selector of a Service's or
     * ReplicationController's {@code spec.selector} map. Empty or null selects everything.
     */
    public static LabelSelector fromSet(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        labels.forEach((k, v) -> requirements.add(new Requirement(k, Operator.EQUALS, List.of(v))));
        return new LabelSelector(requirements, false);
    }

    private static Operator operator(String op) {
        if (op != null) {
            switch (op) {
                case "In":
                    return Operator.IN;
                case "NotIn":
                    return Operator.NOT_IN;
                case "Exists":
                    return Operator.EXISTS;
                case "DoesNotExist":
                    return Operator.DOES_NOT_EXIST;
                default:
                    break;
            }
        }
        throw ApiException.badRequest(LabelSyntax.quote(op == null ? "" : op) + " is not a valid label selector operator");
    }

    /** Whether labels (null meaning none) satisfy every requirement. */
    public boolean matches(Map<String, String> labels) {
        if (nothing) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        for (Requirement r : requirements) {
            if (!r.matches(actual)) {
                return false;
            }
        }
        return true;
    }

    /** True when nothing is restricted (matches everything); false for {@link #nothing()}. */
    public boolean isEmpty() {
        return !nothing && requirements.isEmpty();
    }

    public boolean matchesNothing() {
        return nothing;
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    /**
     * The value {@code key} must have, when the selector pins it to one ({@code key=v},
     * {@code key==v} or {@code key in (v)}): lets a caller use an index instead of a scan.
     */
    public Optional<String> requiresExactMatch(String key) {
        for (Requirement r : requirements) {
            if (r.key().equals(key)) {
                boolean exact = r.operator() == Operator.EQUALS || r.operator() == Operator.DOUBLE_EQUALS
                        || r.operator() == Operator.IN;
                return exact && r.values().size() == 1 ? Optional.of(r.values().get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The canonical selector string; "" for both everything and nothing, as in Kubernetes. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Requirement r : requirements) {
            sb.append(sb.length() > 0 ? "," : "").append(r);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSelector other && nothing == other.nothing && requirements.equals(other.requirements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requirements, nothing);
    }
}
