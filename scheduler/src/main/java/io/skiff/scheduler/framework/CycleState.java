package io.skiff.scheduler.framework;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Data shared between the extension points of one scheduling attempt (e.g. what PreFilter
 * computed for Filter). Created per attempt and used by the scheduling thread only.
 */
public final class CycleState {
    private final Map<String, Object> data = new HashMap<>();
    private final Set<String> skipFilter = new HashSet<>();
    private final Set<String> skipScore = new HashSet<>();

    public void write(String key, Object value) {
        data.put(key, value);
    }

    /** The value a plugin wrote earlier in this attempt, or null. */
    @SuppressWarnings("unchecked")
    public <T> T read(String key) {
        return (T) data.get(key);
    }

    void skipFilter(String plugin) {
        skipFilter.add(plugin);
    }

    boolean filterSkipped(String plugin) {
        return skipFilter.contains(plugin);
    }

    void skipScore(String plugin) {
        skipScore.add(plugin);
    }

    boolean scoreSkipped(String plugin) {
        return skipScore.contains(plugin);
    }
}
