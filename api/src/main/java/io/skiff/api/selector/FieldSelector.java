package io.skiff.api.selector;

import io.skiff.api.ResourceType;
import io.skiff.api.errors.ApiException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A field selector: the AND of {@code field=value}, {@code field==value} and
 * {@code field!=value} terms. Values may escape {@code \ , =} with a backslash. A field absent
 * from the object's field set counts as the empty string. Syntax only; which fields a
 * resource supports is {@link SelectableFields}' business ({@link #parse(String, ResourceType)}
 * does both).
 */
public final class FieldSelector {
    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    /** One term; {@code negated} for {@code !=}. */
    public record Term(String field, boolean negated, String value) {
        public Term {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }

        public boolean matches(Map<String, String> fields) {
            return fields.getOrDefault(field, "").equals(value) != negated;
        }

        /** {@code field=value} or {@code field!=value}, the value escaped. */
        @Override
        public String toString() {
            return field + (negated ? "!=" : "=") + escape(value);
        }
    }

    private final List<Term> terms;

    FieldSelector(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    public static FieldSelector everything() {
        return EVERYTHING;
    }

    /**
     * Parses a {@code fieldSelector}; a null or empty string selects everything. Terms are
     * sorted, which makes {@link #toString()} canonical. Errors are
     * 400 BadRequest ({@code invalid selector: 'x'; can't understand 'x'}).
     */
    public static FieldSelector parse(String selector) {
        if (selector == null || selector.isEmpty()) {
            return EVERYTHING;
        }
        List<String> parts = splitTerms(selector);
        parts.sort(null);
        List<Term> terms = new ArrayList<>();
        for (String part : parts) {
            if (!part.isEmpty()) {
                terms.add(term(selector, part));
            }
        }
        // Kubernetes orders by the raw text; ordering by the canonical text as well keeps
        // toString() stable when "==" or escapes would re-sort ("a==b" is printed "a=b").
        terms.sort(Comparator.comparing(Term::toString));
        return new FieldSelector(terms);
    }

    /** Parses, then checks the fields against what {@code type} supports (400 otherwise). */
    public static FieldSelector parse(String selector, ResourceType type) {
        return SelectableFields.check(type, parse(selector));
    }

    public boolean matches(Map<String, String> fields) {
        Map<String, String> actual = fields == null ? Map.of() : fields;
        for (Term t : terms) {
            if (!t.matches(actual)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public List<Term> terms() {
        return terms;
    }

    /** The value {@code field} must equal, if a term pins it (e.g. {@code spec.nodeName=node1}). */
    public Optional<String> requiresExactMatch(String field) {
        return terms.stream().filter(t -> !t.negated() && t.field().equals(field)).map(Term::value).findFirst();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Term t : terms) {
            sb.append(sb.length() > 0 ? "," : "").append(t);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSelector other && terms.equals(other.terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    /** Splits on commas that are not escaped. */
    private static List<String> splitTerms(String selector) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',') {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(selector.substring(start));
        return parts;
    }

    /** The first operator wins, {@code !=} and {@code ==} before {@code =} at the same place. */
    private static Term term(String selector, String part) {
        for (int i = 0; i < part.length(); i++) {
            for (String op : new String[] {"!=", "==", "="}) {
                if (part.startsWith(op, i)) {
                    return new Term(part.substring(0, i), op.equals("!="), unescape(part.substring(i + op.length())));
                }
            }
        }
        throw ApiException.badRequest("invalid selector: '" + selector + "'; can't understand '" + part + "'");
    }

    private static String unescape(String value) {
        StringBuilder sb = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (escaped) {
                if (c != '\\' && c != ',' && c != '=') {
                    throw ApiException.badRequest("invalid field selector: invalid escape sequence: \\" + c);
                }
                sb.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',' || c == '=') {
                // Go prints the rune with %v, i.e. as its number.
                throw ApiException.badRequest("invalid field selector: unescaped character in value: " + (int) c);
            } else {
                sb.append(c);
            }
        }
        if (escaped) {
            throw ApiException.badRequest("invalid field selector: invalid escape sequence: \\");
        }
        return sb.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    }
}
