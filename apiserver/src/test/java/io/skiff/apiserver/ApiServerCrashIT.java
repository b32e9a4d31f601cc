package io.skiff.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.Json;
import io.skiff.store.etcd.EtcdServer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the API server in the middle of 2,000 concurrent creates: after a restart on the
 * same store, every create that was answered 201 is there. On both backends.
 */
class ApiServerCrashIT {
    private static final int CREATES = 2_000;
    private static final int CLIENTS = 64;
    private static final int KILL_AFTER = 600;

    @Test
    void acknowledgedCreatesSurviveKillOnTheEmbeddedStore() throws Exception {
        Path dir = Files.createTempDirectory("skiff-crash");
        crashAndCheck("sqlite", dir);
    }

    @Test
    void acknowledgedCreatesSurviveKillOnEtcd() throws Exception {
        Path dir = Files.createTempDirectory("skiff-crash-etcd");
        try (EtcdServer etcd = EtcdServer.start()) {
            String url = "etcd://" + String.join(",", etcd.endpoints().stream().map(e -> e.replace("http://", "")).toList());
            crashAndCheck(url, dir);
        }
    }

    private void crashAndCheck(String storeUrl, Path dir) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Process server = startServer(storeUrl, dir);
        try {
            int port = readPort(server);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            AtomicInteger next = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(KILL_AFTER);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < CREATES) {
                        String name = "cm-" + i;
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                            + "/api/v1/namespaces/default/configmaps"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                                            + "\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"i\":\"" + i + "\"}}"))
                                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 201) {
                                acknowledged.add(name);
                                enough.countDown();
                            }
                        } catch (Exception e) {
                            return null; // the server is gone
                        }
                    }
                    return null;
                });
            }
            assertTrue(enough.await(120, TimeUnit.SECONDS), "server acknowledged " + acknowledged.size() + " creates");
            server.destroyForcibly(); // SIGKILL on Linux
            server.waitFor(30, TimeUnit.SECONDS);
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
        } finally {
            server.destroyForcibly();
        }
        Process restarted = startServer(storeUrl, dir);
        try {
            int port = readPort(restarted);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/namespaces/default/configmaps")).build(), HttpResponse.BodyHandlers.ofString());
            Set<String> stored = new HashSet<>();
            for (JsonNode item : Json.parse(list.body().getBytes()).path("items")) {
                stored.add(item.path("metadata").path("name").asText());
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            System.out.printf("%s: %d acknowledged before kill -9, %d stored after restart, %d lost%n",
                    storeUrl.startsWith("etcd") ? "etcd" : "sqlite", acknowledged.size(), stored.size(), lost.size());
            assertTrue(lost.isEmpty(), "acknowledged but lost: " + lost);
            assertTrue(acknowledged.size() >= KILL_AFTER);
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Process startServer(String storeUrl, Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), CrashServer.class.getName(),
                storeUrl, dir.toString())).redirectErrorStream(true).start();
    }

    private static int readPort(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                int port = Integer.parseInt(line.substring(5).trim());
                Thread drain = new Thread(() -> {
                    try {
                        while (r.readLine() != null) {
                            // keep the pipe from filling up
                        }
                    } catch (Exception ignored) {
                        // process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return port;
            }
        }
        throw new IllegalStateException("server exited before printing its port");
    }
}
