package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.http.MediaTypes;
import io.skiff.apiserver.storage.ObjectStorage;
import io.skiff.apiserver.table.TablePrinter;
import io.skiff.apiserver.watch.ObjectEvent;
import io.skiff.apiserver.watch.WatchCache;
import io.skiff.apiserver.watch.Watcher;
import io.skiff.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * {@code ?watch=true}: a chunked stream of {@code {"type":…,"object":…}} lines. Without a
 * resourceVersion (or with 0) the stream starts with the current objects as ADDED events;
 * with one, it carries every change after it, or a 410 ERROR event when that is compacted away.
 */
final class WatchOperations {
    private static final Logger log = LoggerFactory.getLogger(WatchOperations.class);
    private static final long BOOKMARK_INTERVAL_MS = 5_000;
    private static final long MIN_TIMEOUT_S = 1800;

    private final ObjectStorage storage;
    private final Function<io.skiff.api.ResourceType, WatchCache> caches;

    WatchOperations(ObjectStorage storage, Function<io.skiff.api.ResourceType, WatchCache> caches) {
        this.storage = storage;
        this.caches = caches;
    }

    /** Where a watch's lines go: a chunked HTTP response or WebSocket messages. */
    interface Sink {
        /** Called once before the first line; an HTTP sink commits its headers here. */
        void open(String contentType) throws IOException;

        void line(byte[] line) throws IOException;

        void flush() throws IOException;

        /** False once the client is gone. */
        default boolean isOpen() {
            return true;
        }
    }

    /** A chunked HTTP response. */
    static Sink http(io.javalin.http.Context ctx) {
        return new Sink() {
            private OutputStream out;

            @Override
            public void open(String contentType) throws IOException {
                ctx.status(200);
                ctx.res().setContentType(contentType);
                ctx.res().setHeader("Cache-Control", "no-cache, private");
                out = ctx.res().getOutputStream();
                ctx.res().flushBuffer(); // commit headers: kubectl waits for them before it prints anything
            }

            @Override
            public void line(byte[] line) throws IOException {
                out.write(line);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }

    void watch(ApiRequest r) throws IOException {
        watch(r, http(r.ctx));
    }

    void watch(ApiRequest r, Sink sink) throws IOException {
        String namespace = r.namespace();
        String fieldSelector = r.query("fieldSelector");
        if (r.name() != null) { // a watch of one object: .../pods/nginx?watch=1 (deprecated path style)
            fieldSelector = "metadata.name=" + r.name() + (fieldSelector == null ? "" : "," + fieldSelector);
        }
        ObjectFilter filter = new ObjectFilter(r.type, namespace, r.query("labelSelector"), fieldSelector);
        String rv = r.query("resourceVersion");
        boolean bookmarks = r.flag("allowWatchBookmarks");
        String sendInitialParam = r.query("sendInitialEvents");
        boolean initialEvents = sendInitialParam != null ? sendInitialParam.equals("true") : (rv == null || rv.equals("0"));
        Long timeoutParam = r.longQuery("timeoutSeconds");
        long timeoutS = timeoutParam != null && timeoutParam > 0 ? timeoutParam
                : MIN_TIMEOUT_S + ThreadLocalRandom.current().nextLong(MIN_TIMEOUT_S);
        long deadline = System.currentTimeMillis() + timeoutS * 1000;

        List<ObjectNode> initial = List.of();
        long from;
        if (initialEvents) {
            ObjectStorage.Page page = storage.list(r.type, namespace, null, 0, 0);
            initial = page.items().stream().filter(filter).toList();
            from = page.revision();
        } else {
            from = ReadOperations.parseRevision(rv);
        }
        Watcher watcher;
        try {
            watcher = caches.apply(r.type).watch(from, filter);
        } catch (StoreException.Compacted e) {
            watcher = null;
        }
        Stream stream = new Stream(r, sink);
        try (Watcher w = watcher) {
            if (w == null) {
                stream.error(ApiException.gone("too old resource version: " + from + " (" + storage.store().compactedRevision() + ")"));
                return;
            }
            for (ObjectNode o : initial) {
                stream.send(new ObjectEvent(ObjectEvent.Type.ADDED, o, null, from));
            }
            if (initialEvents && sendInitialParam != null && bookmarks) {
                ObjectNode mark = bookmark(r, from);
                mark.with("metadata").with("annotations").put("k8s.io/initial-events-end", "true");
                stream.send(new ObjectEvent(ObjectEvent.Type.BOOKMARK, mark, null, from));
            }
            stream.flush();
            while (sink.isOpen()) {
                long remaining = deadline - System.currentTimeMillis();
                if (remaining <= 0) {
                    return;
                }
                ObjectEvent e = w.next(Math.min(remaining, BOOKMARK_INTERVAL_MS));
                if (e != null) {
                    stream.send(e);
                    if (w.isDrained()) {
                        stream.flush();
                    }
                } else if (bookmarks && w.isDrained()) {
                    stream.send(new ObjectEvent(ObjectEvent.Type.BOOKMARK, bookmark(r, w.progressRevision()), null, w.progressRevision()));
                    stream.flush();
                }
            }
        } catch (Watcher.Ended e) {
            log.debug("watch of {} ended: {}", r.type.qualifiedPlural(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.trace("watch client went away: {}", e.getMessage());
        }
    }

    private static ObjectNode bookmark(ApiRequest r, long revision) {
        ObjectNode o = Json.object().put("kind", r.type.kind()).put("apiVersion", r.type.apiVersion());
        o.putObject("metadata").put("resourceVersion", Long.toString(revision));
        return o;
    }

    /** Writes events to the sink in the negotiated format. */
    private static final class Stream {
        private final ApiRequest r;
        private final Sink out;
        private boolean columnsSent;

        Stream(ApiRequest r, Sink out) throws IOException {
            this.r = r;
            this.out = out;
            out.open(r.reply.isTable() ? MediaTypes.TABLE : MediaTypes.JSON);
        }

        void send(ObjectEvent e) throws IOException {
            if (r.reply.isTable() && e.type() != ObjectEvent.Type.BOOKMARK && e.type() != ObjectEvent.Type.ERROR) {
                ObjectNode table = TablePrinter.table(r.strategy.printer(), List.of(e.object()), ReadOperations.tableVersion(r),
                        r.query("includeObject"), !columnsSent);
                columnsSent = true;
                table.with("metadata").put("resourceVersion", Long.toString(e.revision()));
                write(e.type().name(), table);
            } else if (r.reply.isTable() || e.type() == ObjectEvent.Type.BOOKMARK) {
                write(e.type().name(), e.object());
            } else {
                out.line(e.jsonLine());
            }
        }

        void error(ApiException e) throws IOException {
            write("ERROR", e.toStatus());
            flush();
        }

        private void write(String type, ObjectNode object) throws IOException {
            ObjectNode line = Json.object().put("type", type);
            line.set("object", object);
            byte[] body = Json.bytes(line);
            byte[] withNewline = java.util.Arrays.copyOf(body, body.length + 1);
            withNewline[body.length] = '\n';
            out.line(withNewline);
        }

        void flush() throws IOException {
            out.flush();
        }
    }
}
