package io.skiff.kubectl;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go durations as kubectl flags take them: {@code 30s}, {@code 1m30s}, {@code 500ms}, bare seconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("([0-9.]+)(ms|s|m|h)");

    private Durations() {
    }

    public static Duration parse(String s) {
        if (s.matches("[0-9]+")) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        Matcher m = PART.matcher(s);
        long millis = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            double v = Double.parseDouble(m.group(1));
            millis += (long) (v * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "m" -> 60_000;
                default -> 3_600_000;
            });
            end = m.end();
        }
        if (end != s.length() || s.isEmpty()) {
            throw new KubectlException("invalid duration \"" + s + "\"");
        }
        return Duration.ofMillis(millis);
    }
}
