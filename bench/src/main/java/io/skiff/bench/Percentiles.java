package io.skiff.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, reported as milliseconds. */
final class Percentiles {
    private final long[] sorted;

    Percentiles(long[] samples, int count) {
        this.sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
    }

    double ms(double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
