package io.skiff.store.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skiff.store.KeyValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every write the store acknowledged survives a kill -9 of its process. */
class SqliteStoreCrashIT {
    private static final int KEYS = 2000;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Path file = dir.resolve("crash.db");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), file.toString(), String.valueOf(KEYS), "32")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<String, Long> acked = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts[0].equals("ACK")) {
                    acked.put(parts[1], Long.parseLong(parts[2]));
                    if (acked.size() == KEYS / 4) {
                        child.toHandle().destroyForcibly(); // SIGKILL, by PID, while writes are in flight
                        break;
                    }
                }
            }
        } finally {
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertEquals(KEYS / 4, acked.size());

        try (SqliteStore store = new SqliteStore(file)) {
            long maxAcked = acked.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            for (Map.Entry<String, Long> e : acked.entrySet()) {
                KeyValue kv = store.get(e.getKey()).orElseThrow(() -> new AssertionError(e.getKey() + " lost"));
                assertEquals(e.getValue(), kv.modRevision(), e.getKey());
                assertEquals(e.getKey(), new String(kv.value(), UTF_8));
            }
            long survivors = store.count("/crash/");
            assertTrue(survivors >= acked.size());
            assertTrue(store.currentRevision() >= maxAcked);
            assertFalse(store.get("/crash/after").isPresent());
            long before = store.currentRevision();
            assertTrue(store.create("/crash/after", new byte[0]).modRevision() > before);
            assertEquals(survivors + 1, store.count("/crash/"));
            System.out.printf("crash: %d acknowledged before kill -9, %d keys survived, revision %d%n",
                    acked.size(), survivors, store.currentRevision());
        }
    }
}
