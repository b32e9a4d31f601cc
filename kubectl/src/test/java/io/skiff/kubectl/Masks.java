package io.skiff.kubectl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what legitimately differs between two runs against one cluster: ages, UIDs, resource
 * versions, times, cluster IPs, node ports and the two namespaces' names. {@link #tokens}
 * keeps what was hidden, so a caller can tell whether column widths may differ.
 */
final class Masks {
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
            Pattern.compile("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}"),
            Pattern.compile("(?<=resourceVersion\"?: \"?)\\d+"),
            Pattern.compile("(?<![\\d.])10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(?![\\d.])"),
            Pattern.compile("(?<=[:\\s\"])3\\d{4}(?=/TCP|\\b)"),
            Pattern.compile("(?<=\\s|^)(\\d+[smhdy]){1,2}(?=\\s|$)", Pattern.MULTILINE));

    final String masked;
    final List<String> tokens = new ArrayList<>();

    Masks(String text, List<String> namespaces) {
        String t = text;
        for (String ns : namespaces) {
            t = t.replace(ns, "NS");
        }
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(t);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                tokens.add(m.group());
                m.appendReplacement(sb, "#");
            }
            m.appendTail(sb);
            t = sb.toString();
        }
        masked = t;
    }

    /** The masked text with runs of spaces collapsed: for tables whose masked cells changed widths. */
    String collapsed() {
        return masked.replaceAll(" {2,}", "  ").replaceAll("(?m) +$", "");
    }

    boolean sameWidths(Masks other) {
        if (tokens.size() != other.tokens.size()) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).length() != other.tokens.get(i).length()) {
                return false;
            }
        }
        return true;
    }
}
