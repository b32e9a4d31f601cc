package io.skiff.scheduler.plugins;

import io.skiff.scheduler.framework.ScorePlugin;

/** Kubernetes' two normalizations of raw scores into [0, 100]. */
final class Scores {
    private Scores() {
    }

    /** Higher raw is better: scale so the maximum becomes 100. */
    static void scaleToMax(long[] scores) {
        long max = 0;
        for (long s : scores) {
            max = Math.max(max, s);
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = max == 0 ? 0 : scores[i] * ScorePlugin.MAX_NODE_SCORE / max;
        }
    }

    /** Lower raw is better (a count of something unwanted): the maximum becomes 0, zero becomes 100. */
    static void reverse(long[] scores) {
        long max = 0;
        for (long s : scores) {
            max = Math.max(max, s);
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = max == 0 ? ScorePlugin.MAX_NODE_SCORE : ScorePlugin.MAX_NODE_SCORE - scores[i] * ScorePlugin.MAX_NODE_SCORE / max;
        }
    }

    /** Min-max scaling into [0, 100], for scores that may be negative. */
    static void minMax(long[] scores) {
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (long s : scores) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = max == min ? 0 : (scores[i] - min) * ScorePlugin.MAX_NODE_SCORE / (max - min);
        }
    }
}
