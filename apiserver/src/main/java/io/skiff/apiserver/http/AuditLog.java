package io.skiff.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.skiff.api.Json;
import io.skiff.apiserver.auth.RequestUser;
import io.skiff.apiserver.auth.UserInfo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One JSON line per request (who, verb, path, status, latency), like kube-apiserver's audit
 * log at the Metadata level: never a request or response body, so no secret data is written.
 */
public final class AuditLog implements AutoCloseable {
    private static final String STARTED = "skiff.audit.t0";
    private final BufferedWriter out;

    public AuditLog(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + file, e);
        }
    }

    public void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    public void record(Context ctx) {
        Long t0 = ctx.attribute(STARTED);
        UserInfo user = RequestUser.of(ctx);
        ObjectNode line = Json.object().put("timestamp", Instant.now().toString()).put("user", user.name());
        user.groups().forEach(line.putArray("groups")::add);
        line.put("verb", ctx.method().name()).put("path", ctx.path());
        if (ctx.queryString() != null) {
            line.put("query", ctx.queryString());
        }
        line.put("code", ctx.statusCode()).put("sourceIP", ctx.ip());
        if (t0 != null) {
            line.put("latencyMs", (System.nanoTime() - t0) / 1_000_000);
        }
        String text = Json.string(line);
        synchronized (out) {
            try {
                out.write(text);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the audit log", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (out) {
            try {
                out.close();
            } catch (IOException ignored) {
                // closing at shutdown; nothing left to save
            }
        }
    }
}
