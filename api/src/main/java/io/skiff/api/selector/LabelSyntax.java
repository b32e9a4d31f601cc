package io.skiff.api.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Label key and value syntax, with Kubernetes' validation messages word for word (they end up
 * in 400 replies that kubectl prints).
 */
final class LabelSyntax {
    static final int NAME_MAX = 63;
    static final int SUBDOMAIN_MAX = 253;

    private static final String NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start "
            + "and end with an alphanumeric character";
    private static final String LABEL_FMT = "(" + NAME_FMT + ")?";
    private static final String LABEL_MSG = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private static final String DNS_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN_FMT = DNS_LABEL_FMT + "(\\." + DNS_LABEL_FMT + ")*";
    private static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    private static final Pattern NAME = Pattern.compile(NAME_FMT);
    private static final Pattern LABEL = Pattern.compile(LABEL_FMT);
    private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);

    private LabelSyntax() {
    }

    /** What is wrong with a label key ({@code [prefix/]name}); empty when it is valid. */
    static List<String> keyErrors(String key) {
        List<String> errs = new ArrayList<>();
        String[] parts = key.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            name = parts[1];
            if (prefix.isEmpty()) {
                errs.add("prefix part must be non-empty");
            } else {
                subdomainErrors(prefix).forEach(m -> errs.add("prefix part " + m));
            }
        } else {
            errs.add("a qualified name " + regexError(NAME_MSG, NAME_FMT, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errs;
        }
        if (name.isEmpty()) {
            errs.add("name part must be non-empty");
        } else if (name.length() > NAME_MAX) {
            errs.add("name part must be no more than " + NAME_MAX + " characters");
        }
        if (!NAME.matcher(name).matches()) {
            errs.add("name part " + regexError(NAME_MSG, NAME_FMT, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    /** What is wrong with a label value; empty when it is valid (the empty string is). */
    static List<String> valueErrors(String value) {
        List<String> errs = new ArrayList<>();
        if (value.length() > NAME_MAX) {
            errs.add("must be no more than " + NAME_MAX + " characters");
        }
        if (!LABEL.matcher(value).matches()) {
            errs.add(regexError(LABEL_MSG, LABEL_FMT, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    private static List<String> subdomainErrors(String value) {
        List<String> errs = new ArrayList<>();
        if (value.length() > SUBDOMAIN_MAX) {
            errs.add("must be no more than " + SUBDOMAIN_MAX + " characters");
        }
        if (!SUBDOMAIN.matcher(value).matches()) {
            errs.add(regexError(SUBDOMAIN_MSG, SUBDOMAIN_FMT, "example.com"));
        }
        return errs;
    }

    /** Kubernetes' {@code validation.RegexError}, double spaces included. */
    private static String regexError(String msg, String fmt, String... examples) {
        StringBuilder sb = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            sb.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
        }
        return sb.append("regex used for validation is '").append(fmt).append("')").toString();
    }

    /** A {@code field.Invalid} error's text: {@code <field>: Invalid value: "<value>": <details>}. */
    static String invalid(String field, String shownValue, List<String> details) {
        return field + ": Invalid value: " + shownValue + ": " + String.join("; ", details);
    }

    /** Go's {@code %q} of a string. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case 11 -> sb.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    /** Go's {@code %#v} of a {@code []string}, as validation errors show value lists. */
    static String goStringSlice(List<String> values) {
        if (values.isEmpty()) {
            return "[]string(nil)";
        }
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(quote(v)));
        return "[]string{" + String.join(", ", quoted) + "}";
    }
}
