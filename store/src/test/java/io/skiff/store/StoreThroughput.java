package io.skiff.store;

import io.skiff.store.etcd.EtcdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the create throughput of a store at several concurrency levels; asserts nothing.
 * Usage: {@code StoreThroughput <url> <seconds> <callers>...}, url as for {@link Stores#open},
 * e.g. {@code sqlite 5 1 16 64} or {@code etcd://127.0.0.1:2379 5 1 16 64}; {@code etcd} alone
 * starts a throw-away single-member etcd ({@link EtcdServer}) for the run.
 */
public final class StoreThroughput {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int seconds = Integer.parseInt(args[1]);
        Path dataDir = Files.createTempDirectory("skiff-throughput");
        byte[] value = new byte[600]; // about the size of a small pod's JSON
        java.util.Arrays.fill(value, (byte) 'x');
        EtcdServer etcd = url.equals("etcd") ? EtcdServer.start() : null;
        if (etcd != null) {
            url = etcd.url();
        }
        try (Store store = Stores.open(url, dataDir)) {
            for (int i = 2; i < args.length; i++) {
                int callers = Integer.parseInt(args[i]);
                run(store, "warmup-" + callers, callers, 1, value);
                double perSecond = run(store, "run-" + callers, callers, seconds, value);
                System.out.printf("%s: %d callers: %.0f creates/s%n", url, callers, perSecond);
            }
        }
        if (etcd != null) {
            etcd.close();
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static double run(Store store, String tag, int callers, int seconds, byte[] value) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String prefix = "/throughput/" + tag + "-" + System.nanoTime() + "/";
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < callers; t++) {
            int caller = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    store.create(prefix + caller + "/" + i, value);
                    done.incrementAndGet();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return done.get() / elapsed;
    }

    private StoreThroughput() {
    }

}
