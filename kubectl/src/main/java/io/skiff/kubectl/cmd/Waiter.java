package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Waits for one object to reach a state by watching it (list by name, then watch from the
 * list's revision), as kubectl's delete and wait do. Answers the last object seen, or null
 * when it was deleted.
 */
public final class Waiter {
    private final Session s;

    public Waiter(Session s) {
        this.s = s;
    }

    /** True when {@code done} held (or the object is gone and {@code gone} counts); false on timeout. */
    public boolean await(ApiResource r, String ns, String name, String uid, Predicate<JsonNode> done, boolean goneIsDone, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode list = s.client().get(new Query().add("fieldSelector", "metadata.name=" + name).on(r.path(ns)));
            JsonNode obj = list.path("items").path(0);
            if (obj.isMissingNode() || (uid != null && !uid.equals(obj.path("metadata").path("uid").asText()))) {
                return goneIsDone;
            }
            if (done.test(obj)) {
                return true;
            }
            long seconds = Math.max(1, Duration.between(Instant.now(), deadline).toSeconds());
            String path = new Query().add("allowWatchBookmarks", "true").add("fieldSelector", "metadata.name=" + name)
                    .add("resourceVersion", list.path("metadata").path("resourceVersion").asText())
                    .add("timeoutSeconds", Long.toString(seconds)).add("watch", "true").on(r.path(ns));
            try (InputStream in = s.client().stream(path, "application/json")) {
                io.skiff.kubectl.http.Lines lines = new io.skiff.kubectl.http.Lines(in);
                String line;
                while ((line = lines.next()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode ev = Codec.parse(line.getBytes(StandardCharsets.UTF_8));
                    String type = ev.path("type").asText();
                    if (type.equals("DELETED")) {
                        return goneIsDone;
                    }
                    if ((type.equals("ADDED") || type.equals("MODIFIED")) && done.test(ev.path("object"))) {
                        return true;
                    }
                    if (type.equals("ERROR")) {
                        break; // e.g. 410 Gone: list again
                    }
                }
            }
        }
        return false;
    }
}
