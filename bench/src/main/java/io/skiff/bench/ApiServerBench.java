package io.skiff.bench;

import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.store.Store;
import io.skiff.store.Stores;
import io.skiff.store.etcd.EtcdServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The API server benchmark of issue 2: creates/s and create latency at 1, 16 and 64 clients on
 * both backends, the raw etcd put rate in the same run, and watch delivery latency with 100 and
 * 1,000 watchers. Client and server share this machine's cores; figures are printed, never asserted.
 *
 * <p>Usage: {@code java -cp ... io.skiff.bench.ApiServerBench [createsPerLevel] [watchEvents] [all|sqlite|etcd]}
 */
public final class ApiServerBench {
    private ApiServerBench() {
    }

    public static void main(String[] args) throws Exception {
        int creates = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int watchEvents = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String backends = args.length > 2 ? args[2] : "all";
        System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), Runtime.version());
        Path dir = Files.createTempDirectory("skiff-bench");
        try {
            if (!backends.equals("etcd")) {
                backend("embedded (SQLite)", Stores.open("sqlite", dir), creates, watchEvents, null);
            }
            if (!backends.equals("sqlite")) {
                try (EtcdServer etcd = EtcdServer.start()) {
                    backend("etcd", Stores.open(etcd.url(), dir), creates, watchEvents, etcd.endpoints());
                }
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void backend(String name, Store store, int creates, int watchEvents, List<String> etcdEndpoints) throws Exception {
        try (store; ApiServer server = new ApiServer(ApiServerConfig.defaults().withPort(0), store).start()) {
            String url = "http://127.0.0.1:" + server.port();
            System.out.printf("%n== %s%n", name);
            if (etcdEndpoints != null) {
                double raw = EtcdPutBench.putsPerSecond(etcdEndpoints, 64, creates);
                System.out.printf("raw etcd puts (jetcd, 64 in flight, 600 B values): %.0f/s%n", raw);
            }
            System.out.println("clients  creates  creates/s  p50 ms  p99 ms  errors");
            for (int clients : new int[] {1, 16, 64}) {
                String ns = "bench-" + clients;
                createNamespace(url, ns);
                CreateBench.run(server.port(), ns, "warmup", clients, Math.min(2_000, creates)); // JIT, connections
                CreateBench.Result r = CreateBench.run(server.port(), ns, "run", clients, creates);
                System.out.printf("%7d  %7d  %9.0f  %6.2f  %6.2f  %6d%n", r.clients(), r.creates(), r.perSecond(),
                        r.p50ms(), r.p99ms(), r.errors());
            }
            int rate = Integer.getInteger("bench.watchRate", 50);
            System.out.println("watchers  events  deliveries  p50 ms  p99 ms  max ms   (" + rate + " changes/s)");
            for (int watchers : new int[] {100, 1_000}) {
                String ns = "watch-" + watchers;
                createNamespace(url, ns);
                WatchBench.Result r = WatchBench.run(server.port(), ns, watchers, watchEvents, rate);
                System.out.printf("%8d  %6d  %10d  %6.2f  %6.2f  %6.2f%n", r.watchers(), r.events(), r.deliveries(),
                        r.p50ms(), r.p99ms(), r.maxMs());
            }
        }
    }

    private static void createNamespace(String url, String ns) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/v1/namespaces"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + ns + "\"}}"))
                .build(), HttpResponse.BodyHandlers.discarding());
    }
}
