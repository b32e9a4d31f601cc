package io.skiff.scheduler.framework;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Data shared between the extension points of one scheduling attempt (e.g. what PreFilter
 * computed for Filter). Created per attempt and used by the scheduling thread only. Values are
 * stored under typed {@link Key}s held in an array, because Filter and Score read them once per
 * node: a map lookup there was the cycle's largest cost.
 */
public final class CycleState {
    private static final AtomicInteger KEYS = new AtomicInteger();

    /** A slot in every CycleState; create once per plugin (a static final field) with {@link #key}. */
    public static final class Key<T> {
        private final int index;
        private final String name;

        private Key(int index, String name) {
            this.index = index;
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static <T> Key<T> key(String name) {
        return new Key<>(KEYS.getAndIncrement(), name);
    }

    private Object[] data = new Object[Math.max(8, KEYS.get())];
    /** The Filter plugins to run for this attempt (those whose PreFilter did not answer Skip). */
    List<FilterPlugin> activeFilters;

    public <T> void write(Key<T> key, T value) {
        if (key.index >= data.length) {
            data = Arrays.copyOf(data, Math.max(key.index + 1, data.length * 2));
        }
        data[key.index] = value;
    }

    /** The value a plugin wrote earlier in this attempt, or null. */
    @SuppressWarnings("unchecked")
    public <T> T read(Key<T> key) {
        return key.index < data.length ? (T) data[key.index] : null;
    }
}
