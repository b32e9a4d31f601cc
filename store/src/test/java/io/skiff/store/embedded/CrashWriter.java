package io.skiff.store.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Child process of {@link SqliteStoreCrashIT}: creates keys from many threads and prints
 * {@code ACK <key> <revision>} for each create the store acknowledged, then waits to be killed.
 * Usage: {@code CrashWriter <db file> <keys> <threads>}.
 */
public final class CrashWriter {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int keys = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        SqliteStore store = new SqliteStore(file);
        System.out.println("READY " + store.currentRevision());
        System.out.flush();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < keys; i++) {
            String key = "/crash/" + i;
            pool.execute(() -> {
                long revision = store.create(key, key.getBytes(StandardCharsets.UTF_8)).modRevision();
                synchronized (System.out) {
                    System.out.println("ACK " + key + " " + revision);
                    System.out.flush();
                }
            });
        }
        Thread.sleep(Long.MAX_VALUE); // the test kills this process; it never closes the store
    }

    private CrashWriter() {
    }
}
