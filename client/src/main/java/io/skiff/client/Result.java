package io.skiff.client;

import java.time.Duration;

/** What a reconcile asks for next: nothing, or another look after a delay (periodic work). */
public record Result(Duration requeueAfter) {
    private static final Result DONE = new Result(null);

    public static Result done() {
        return DONE;
    }

    public static Result requeueAfter(Duration delay) {
        return new Result(delay);
    }

    /** The sooner of two requests (done counts as never). */
    public Result sooner(Result other) {
        if (requeueAfter == null) {
            return other;
        }
        if (other.requeueAfter == null || requeueAfter.compareTo(other.requeueAfter) <= 0) {
            return this;
        }
        return other;
    }
}
