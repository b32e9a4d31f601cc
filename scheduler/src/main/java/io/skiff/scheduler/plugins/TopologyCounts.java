package io.skiff.scheduler.plugins;

import java.util.HashMap;
import java.util.Map;

/** Counts (or weights) per topology pair: a node label key and one of its values. */
final class TopologyCounts {
    private final Map<String, Map<String, Long>> byKey = new HashMap<>();

    void add(String key, String value, long n) {
        byKey.computeIfAbsent(key, k -> new HashMap<>()).merge(value, n, Long::sum);
    }

    long get(String key, String value) {
        Map<String, Long> m = byKey.get(key);
        Long n = m == null || value == null ? null : m.get(value);
        return n == null ? 0 : n;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** The sum over every key of the count for the value the node's labels give that key. */
    long sumFor(Map<String, String> nodeLabels) {
        long sum = 0;
        for (Map.Entry<String, Map<String, Long>> e : byKey.entrySet()) {
            String v = nodeLabels.get(e.getKey());
            Long n = v == null ? null : e.getValue().get(v);
            sum += n == null ? 0 : n;
        }
        return sum;
    }

    /** Whether any pair matches the node's labels with a positive count. */
    boolean anyPositive(Map<String, String> nodeLabels) {
        for (Map.Entry<String, Map<String, Long>> e : byKey.entrySet()) {
            String v = nodeLabels.get(e.getKey());
            Long n = v == null ? null : e.getValue().get(v);
            if (n != null && n > 0) {
                return true;
            }
        }
        return false;
    }
}
