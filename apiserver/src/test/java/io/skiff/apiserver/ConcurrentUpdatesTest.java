package io.skiff.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Optimistic concurrency: no update is ever lost, each stale one gets 409. */
class ConcurrentUpdatesTest {

    @Test
    void fiftyReadModifyWriteUpdatersLoseNothing() throws Exception {
        try (TestApiServer api = TestApiServer.start()) {
            String path = "/api/v1/namespaces/default/configmaps";
            assertEquals(201, api.send("POST", path, "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"counter\"},\"data\":{}}").statusCode());
            int writers = 50;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch read = new CountDownLatch(writers);
            List<String> succeeded = Collections.synchronizedList(new ArrayList<>());
            List<Future<Integer>> codes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String key = "w" + i;
                codes.add(pool.submit(() -> {
                    ObjectNode cm = (ObjectNode) Json.MAPPER.readTree(api.send("GET", path + "/counter", null, null).body());
                    read.countDown();
                    read.await(); // everyone holds the same version before anyone writes
                    cm.with("data").put(key, "1");
                    HttpResponse<String> r = api.send("PUT", path + "/counter", "application/json", Json.string(cm));
                    if (r.statusCode() == 200) {
                        succeeded.add(key);
                    } else {
                        ObjectNode status = (ObjectNode) Json.MAPPER.readTree(r.body());
                        assertEquals("Conflict", status.path("reason").asText(), r.body());
                    }
                    return r.statusCode();
                }));
            }
            int ok = 0;
            int conflicts = 0;
            for (Future<Integer> f : codes) {
                int code = f.get();
                ok += code == 200 ? 1 : 0;
                conflicts += code == 409 ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(writers, ok + conflicts, "every update got 200 or 409");
            assertTrue(ok >= 1);
            ObjectNode fin = (ObjectNode) Json.MAPPER.readTree(api.send("GET", path + "/counter", null, null).body());
            List<String> keys = new ArrayList<>();
            fin.path("data").fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            List<String> expected = new ArrayList<>(succeeded);
            Collections.sort(expected);
            assertEquals(expected, keys, "the stored object reflects exactly the updates that got 200");
        }
    }

    @Test
    void updatersThatRetryOnConflictAllLand() throws Exception {
        try (TestApiServer api = TestApiServer.start()) {
            String path = "/api/v1/namespaces/default/configmaps";
            api.send("POST", path, "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"counter\"},\"data\":{}}");
            int writers = 50;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String key = "w" + i;
                attempts.add(pool.submit(() -> {
                    for (int attempt = 1; ; attempt++) {
                        ObjectNode cm = (ObjectNode) Json.MAPPER.readTree(api.send("GET", path + "/counter", null, null).body());
                        cm.with("data").put(key, "1");
                        int code = api.send("PUT", path + "/counter", "application/json", Json.string(cm)).statusCode();
                        if (code == 200) {
                            return attempt;
                        }
                        assertEquals(409, code);
                    }
                }));
            }
            for (Future<Integer> f : attempts) {
                f.get();
            }
            pool.shutdown();
            ObjectNode fin = (ObjectNode) Json.MAPPER.readTree(api.send("GET", path + "/counter", null, null).body());
            assertEquals(writers, fin.path("data").size(), "every writer's key is there: " + fin);
        }
    }

    @Test
    void patchesWithoutAResourceVersionRetryInsteadOfFailing() throws Exception {
        try (TestApiServer api = TestApiServer.start()) {
            String path = "/api/v1/namespaces/default/configmaps";
            api.send("POST", path, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"p\"},\"data\":{}}");
            int writers = 32;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<Integer>> codes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String key = "k" + i;
                codes.add(pool.submit(() -> api.send("PATCH", path + "/p", "application/merge-patch+json",
                        "{\"data\":{\"" + key + "\":\"v\"}}").statusCode()));
            }
            for (Future<Integer> f : codes) {
                assertEquals(200, f.get(), "an unpinned patch is re-applied to the newer version");
            }
            pool.shutdown();
            ObjectNode fin = (ObjectNode) Json.MAPPER.readTree(api.send("GET", path + "/p", null, null).body());
            assertEquals(writers, fin.path("data").size());
            String rv = fin.path("metadata").path("resourceVersion").asText();
            assertEquals(409, api.send("PATCH", path + "/p", "application/merge-patch+json",
                    "{\"metadata\":{\"resourceVersion\":\"" + (Long.parseLong(rv) - 1) + "\"},\"data\":{\"x\":\"y\"}}").statusCode(),
                    "a patch that names a stale version is a precondition");
        }
    }
}
