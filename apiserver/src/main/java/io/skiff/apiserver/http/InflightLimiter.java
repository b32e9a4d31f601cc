package io.skiff.apiserver.http;

import io.javalin.http.Context;
import io.skiff.api.errors.ApiException;

import java.util.concurrent.Semaphore;

/**
 * kube-apiserver's max-requests-inflight: at most N ordinary requests at once, and a separate,
 * smaller budget for mutating ones; more get 429 with Retry-After. Watches and other long-running
 * requests are counted apart (not at all), as Kubernetes does.
 */
public final class InflightLimiter {
    private static final String HELD = "skiff.inflight";
    private final Semaphore reads;
    private final Semaphore writes;

    public InflightLimiter(int maxReads, int maxMutating) {
        this.reads = new Semaphore(maxReads);
        this.writes = new Semaphore(maxMutating);
    }

    public void enter(Context ctx) {
        if (isLongRunning(ctx)) {
            return;
        }
        Semaphore budget = isMutating(ctx) ? writes : reads;
        if (!budget.tryAcquire()) {
            throw ApiException.tooManyRequests("Too many requests, please try again later.", 1);
        }
        ctx.attribute(HELD, budget);
    }

    public void leave(Context ctx) {
        Semaphore held = ctx.attribute(HELD);
        if (held != null) {
            ctx.attribute(HELD, null);
            held.release();
        }
    }

    private static boolean isMutating(Context ctx) {
        return switch (ctx.method()) {
            case POST, PUT, PATCH, DELETE -> true;
            default -> false;
        };
    }

    static boolean isLongRunning(Context ctx) {
        String watch = ctx.queryParam("watch");
        String path = ctx.path();
        return "true".equals(watch) || "1".equals(watch) || "true".equals(ctx.queryParam("follow"))
                || path.endsWith("/exec") || path.endsWith("/attach") || path.endsWith("/portforward") || path.contains("/proxy");
    }
}
