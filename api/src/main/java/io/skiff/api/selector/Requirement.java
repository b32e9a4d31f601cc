package io.skiff.api.selector;

import io.skiff.api.errors.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One term of a label selector: a key, an operator and its values. Values of {@code in} and
 * {@code notin} are a set; the exact-match and {@code >}/{@code <} operators take one value,
 * {@code exists} and {@code !} none.
 */
public record Requirement(String key, Operator operator, List<String> values) {
    public Requirement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
    }

    /** A validated requirement; a bad key, value or value count is a 400 BadRequest. */
    public static Requirement of(String key, Operator operator, List<String> values) {
        List<String> problems = problems(key, operator, values);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(aggregate(problems));
        }
        return new Requirement(key, operator, values);
    }

    /** Kubernetes' {@code labels.NewRequirement} checks, as field errors. */
    static List<String> problems(String key, Operator operator, List<String> values) {
        List<String> problems = new ArrayList<>();
        List<String> keyErrors = LabelSyntax.keyErrors(key);
        if (!keyErrors.isEmpty()) {
            problems.add(LabelSyntax.invalid("key", LabelSyntax.quote(key), keyErrors));
        }
        String shown = LabelSyntax.goStringSlice(values);
        switch (operator) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    problems.add(LabelSyntax.invalid("values", shown, List.of("for 'in', 'notin' operators, values set can't be empty")));
                }
            }
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
                if (values.size() != 1) {
                    problems.add(LabelSyntax.invalid("values", shown, List.of("exact-match compatibility requires one single value")));
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    problems.add(LabelSyntax.invalid("values", shown, List.of("values set must be empty for exists and does not exist")));
                }
            }
            case GREATER_THAN, LESS_THAN -> {
                if (values.size() != 1) {
                    problems.add(LabelSyntax.invalid("values", shown, List.of("for 'Gt', 'Lt' operators, exactly one value is required")));
                }
                for (int i = 0; i < values.size(); i++) {
                    if (integer(values.get(i)) == null) {
                        problems.add(LabelSyntax.invalid("values[" + i + "]", LabelSyntax.quote(values.get(i)),
                                List.of("for 'Gt', 'Lt' operators, the value must be an integer")));
                    }
                }
            }
            default -> throw new IllegalStateException("unknown operator " + operator);
        }
        for (int i = 0; i < values.size(); i++) {
            List<String> valueErrors = LabelSyntax.valueErrors(values.get(i));
            if (!valueErrors.isEmpty()) {
                problems.add(LabelSyntax.invalid("values[" + i + "][" + key + "]", LabelSyntax.quote(values.get(i)), valueErrors));
            }
        }
        return problems;
    }

    /** Go's {@code utilerrors.NewAggregate(errs).Error()}: one message, or {@code [a, b]}. */
    static String aggregate(List<String> messages) {
        Set<String> unique = new LinkedHashSet<>(messages);
        return unique.size() == 1 ? unique.iterator().next() : "[" + String.join(", ", unique) + "]";
    }

    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        boolean has = labels.containsKey(key);
        return switch (operator) {
            case IN, EQUALS, DOUBLE_EQUALS -> has && values.contains(value);
            case NOT_IN, NOT_EQUALS -> !has || !values.contains(value);
            case EXISTS -> has;
            case DOES_NOT_EXIST -> !has;
            case GREATER_THAN, LESS_THAN -> has && compares(value);
        };
    }

    private boolean compares(String labelValue) {
        Long actual = integer(labelValue);
        Long bound = values.size() == 1 ? integer(values.get(0)) : null;
        if (actual == null || bound == null) {
            return false;
        }
        return operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)}, or null. */
    private static Long integer(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Kubernetes' form: {@code a=b}, {@code a in (x,y)} with sorted values, {@code !a}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (operator == Operator.DOES_NOT_EXIST) {
            sb.append('!');
        }
        sb.append(key);
        if (operator == Operator.EXISTS || operator == Operator.DOES_NOT_EXIST) {
            return sb.toString();
        }
        sb.append(operator.text());
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(null);
        String joined = String.join(",", sorted);
        return operator.isSetBased() ? sb.append('(').append(joined).append(')').toString() : sb.append(joined).toString();
    }
}
