package io.skiff.kubectl.cmd;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ({@code 250m}, {@code 128Mi}, {@code 1e3}) as plain numbers. */
final class Quantity {
    private static final Map<String, BigDecimal> SUFFIX = Map.ofEntries(
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")), Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")), Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")), Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)), Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)), Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    private Quantity() {
    }

    static String parse(String q) {
        for (String suffix : new String[]{"Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E"}) {
            if (q.endsWith(suffix) && q.length() > suffix.length()) {
                return new BigDecimal(q.substring(0, q.length() - suffix.length())).multiply(SUFFIX.get(suffix)).toPlainString();
            }
        }
        return new BigDecimal(q).toPlainString();
    }
}
