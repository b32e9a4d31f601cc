package io.skiff.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.Json;
import io.skiff.store.Store;
import io.skiff.store.Stores;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimitsAndAuditTest {

    @Test
    void burstsBeyondTheInflightLimitGet429AndPermitsComeBack() throws Exception {
        Path dir = Files.createTempDirectory("limits");
        try (Store store = Stores.open("sqlite", dir);
             ApiServer server = new ApiServer(ApiServerConfig.defaults().withPort(0).withLimits(1, 1), store).start()) {
            HttpClient http = HttpClient.newHttpClient();
            URI list = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/namespaces/default/configmaps");
            ExecutorService pool = Executors.newFixedThreadPool(32);
            int throttled = 0;
            int ok = 0;
            for (int round = 0; round < 5 && throttled == 0; round++) {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString())));
                }
                for (Future<HttpResponse<String>> f : answers) {
                    HttpResponse<String> r = f.get();
                    if (r.statusCode() == 429) {
                        throttled++;
                        assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
                        assertEquals("TooManyRequests", Json.parse(r.body().getBytes()).path("reason").asText());
                    } else {
                        assertEquals(200, r.statusCode());
                        ok++;
                    }
                }
            }
            pool.shutdown();
            assertTrue(throttled > 0, "a burst of 64 against a limit of 1 is throttled");
            assertTrue(ok > 0);
            // failures in filters (404 here) must give their permit back too
            for (int i = 0; i < 5; i++) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/nowhere")).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(200, http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            // watches are long-running and do not use up the budget
            HttpResponse<java.io.InputStream> watch = http.send(HttpRequest.newBuilder(URI.create(list + "?watch=true&timeoutSeconds=5")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, watch.statusCode());
            assertEquals(200, http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            watch.body().close();
        }
    }

    @Test
    void theAuditLogHasOneLinePerRequestWithoutBodies() throws Exception {
        Path dir = Files.createTempDirectory("audit");
        Path log = dir.resolve("audit.log");
        try (Store store = Stores.open("sqlite", dir);
             ApiServer server = new ApiServer(ApiServerConfig.defaults().withPort(0).withAuditLog(log), store).start()) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port() + "/api/v1/namespaces/default/secrets";
            http.send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},"
                            + "\"stringData\":{\"password\":\"hunter2\"}}")).build(), HttpResponse.BodyHandlers.ofString());
            http.send(HttpRequest.newBuilder(URI.create(base + "/s")).build(), HttpResponse.BodyHandlers.ofString());
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(2, lines.size(), lines.toString());
        JsonNode create = Json.parse(lines.get(0).getBytes());
        assertEquals("POST", create.path("verb").asText());
        assertEquals("/api/v1/namespaces/default/secrets", create.path("path").asText());
        assertEquals(201, create.path("code").asInt());
        assertEquals("system:unsecured", create.path("user").asText());
        assertEquals(200, Json.parse(lines.get(1).getBytes()).path("code").asInt());
        String all = String.join("\n", lines);
        assertTrue(!all.contains("hunter2") && !all.contains(java.util.Base64.getEncoder().encodeToString("hunter2".getBytes())),
                "secret data never reaches the audit log");
    }
}
