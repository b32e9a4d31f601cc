package io.skiff.kubelet.pod;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-container restart back-off as the kubelet does it: the first restart is immediate, then
 * each one waits twice as long after the container's exit (10 s, 20 s, … 5 min); an entry idle
 * for twice the maximum is forgotten, so a container that ran well starts from the beginning.
 */
public final class BackOff {
    private record Entry(Duration delay, Instant lastUpdate) {
    }

    private final Duration initial;
    private final Duration max;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public BackOff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** True while {@code now} is within the current delay after {@code eventTime} (the last exit). */
    public boolean inBackOffSince(String key, Instant eventTime, Instant now) {
        Entry e = entries.get(key);
        if (e == null || expired(e, eventTime)) {
            return false;
        }
        return Duration.between(eventTime, now).compareTo(e.delay) < 0;
    }

    /** Records a restart for the exit at {@code eventTime}: the next delay doubles. */
    public void next(String key, Instant eventTime) {
        entries.compute(key, (k, e) -> e == null || expired(e, eventTime)
                ? new Entry(initial, eventTime)
                : new Entry(min(e.delay.multipliedBy(2), max), eventTime));
    }

    public Duration delay(String key) {
        Entry e = entries.get(key);
        return e == null ? initial : e.delay;
    }

    public void forget(String keyPrefix) {
        entries.keySet().removeIf(k -> k.startsWith(keyPrefix));
    }

    private boolean expired(Entry e, Instant eventTime) {
        return Duration.between(e.lastUpdate, eventTime).compareTo(max.multipliedBy(2)) > 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
