package io.skiff.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** POSTs ConfigMaps from N concurrent clients, each with its own keep-alive connection. */
final class CreateBench {
    private CreateBench() {
    }

    record Result(int clients, int creates, double perSecond, double p50ms, double p99ms, int errors) {
    }

    static Result run(int port, String namespace, String run, int clients, int creates) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[creates];
        AtomicInteger recorded = new AtomicInteger();
        String path = "/api/v1/namespaces/" + namespace + "/configmaps";
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                try (RawHttp http = new RawHttp(port)) {
                int i;
                while ((i = next.getAndIncrement()) < creates) {
                    String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + run + "-" + i
                            + "\",\"labels\":{\"bench\":\"create\"}},\"data\":{\"payload\":\"" + "x".repeat(200) + "\"}}";
                    long t0 = System.nanoTime();
                    int status = http.send("POST", path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    long took = System.nanoTime() - t0;
                    if (status == 201) {
                        latencies[recorded.getAndIncrement()] = took;
                    } else {
                        errors.incrementAndGet();
                    }
                }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Percentiles p = new Percentiles(latencies, recorded.get());
        return new Result(clients, recorded.get(), recorded.get() / seconds, p.ms(0.50), p.ms(0.99), errors.get());
    }
}
