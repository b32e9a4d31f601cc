package io.skiff.bench;

import io.skiff.api.Json;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watch delivery latency: W HTTP watch streams on one namespace; objects are created carrying
 * their creation time (System.nanoTime, same JVM) and each watcher records when it read the event.
 */
final class WatchBench {
    private WatchBench() {
    }

    record Result(int watchers, int events, long deliveries, double p50ms, double p99ms, double maxMs) {
    }

    static Result run(int port, String namespace, int watchers, int events, int ratePerSecond) throws Exception {
        long[] samples = new long[watchers * events];
        AtomicInteger count = new AtomicInteger();
        CountDownLatch connected = new CountDownLatch(watchers);
        CountDownLatch done = new CountDownLatch(watchers);
        List<RawHttp> connections = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String rv = Json.parse(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/namespaces/"
                + namespace + "/configmaps?limit=1")).build(), HttpResponse.BodyHandlers.ofByteArray()).body())
                .path("metadata").path("resourceVersion").asText();
        for (int w = 0; w < watchers; w++) {
            RawHttp conn = new RawHttp(port);
            connections.add(conn);
            Thread t = new Thread(() -> {
                try {
                    EventScanner in = new EventScanner(conn.stream("/api/v1/namespaces/" + namespace
                            + "/configmaps?watch=true&resourceVersion=" + rv));
                    connected.countDown();
                    for (int seen = 0; seen < events; seen++) {
                        long sent = in.nextSentNanos();
                        samples[count.getAndIncrement()] = System.nanoTime() - sent;
                    }
                } catch (Exception e) {
                    connected.countDown();
                } finally {
                    done.countDown();
                }
            }, "watcher");
            t.setDaemon(true);
            t.start();
        }
        connected.await(120, TimeUnit.SECONDS);
        Thread.sleep(1_000);
        long interval = 1_000_000_000L / ratePerSecond;
        long next = System.nanoTime();
        try (RawHttp writer = new RawHttp(port)) {
            for (int i = 0; i < events; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait); // never spin: the server needs both cores
                }
                next += interval;
                String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"w" + watchers + "-" + i
                        + "\"},\"data\":{\"sentNanos\":\"" + System.nanoTime() + "\"}}";
                writer.send("POST", "/api/v1/namespaces/" + namespace + "/configmaps", body.getBytes(StandardCharsets.UTF_8));
            }
        }
        done.await(120, TimeUnit.SECONDS);
        for (RawHttp c : connections) {
            c.close();
        }
        Percentiles p = new Percentiles(samples, count.get());
        return new Result(watchers, events, count.get(), p.ms(0.50), p.ms(0.99), p.ms(1.0));
    }

    /** Finds each event's send time in the raw stream, reading in blocks (cheap next to the server). */
    private static final class EventScanner {
        private static final byte[] MARKER = "\"sentNanos\":\"".getBytes(StandardCharsets.US_ASCII);
        private final InputStream in;
        private final byte[] buf = new byte[16 * 1024];
        private int pos;
        private int end;

        EventScanner(InputStream in) {
            this.in = in;
        }

        private int next() throws java.io.IOException {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    throw new java.io.EOFException();
                }
            }
            return buf[pos++];
        }

        long nextSentNanos() throws java.io.IOException {
            int matched = 0;
            while (true) {
                int c = next();
                if (c == MARKER[matched]) {
                    if (++matched == MARKER.length) {
                        long v = 0;
                        while ((c = next()) >= '0' && c <= '9') {
                            v = v * 10 + (c - '0');
                        }
                        return v;
                    }
                } else {
                    matched = c == MARKER[0] ? 1 : 0;
                }
            }
        }
    }
}
