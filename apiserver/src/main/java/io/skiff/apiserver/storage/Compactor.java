package io.skiff.apiserver.storage;

import io.skiff.store.Store;
import io.skiff.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps store history bounded as kube-apiserver does: every interval, compact up to the
 * revision that was current one interval ago, so watchers and paged lists get at least one
 * interval of history before they see 410 Gone.
 */
public final class Compactor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Compactor.class);
    private final Store store;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "compactor");
        t.setDaemon(true);
        return t;
    });
    private long previous;

    public Compactor(Store store) {
        this.store = store;
    }

    public void start(Duration interval) {
        previous = store.currentRevision();
        timer.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            long now = store.currentRevision();
            if (previous > store.compactedRevision()) {
                long t0 = System.nanoTime();
                store.compact(previous);
                log.info("compacted store history up to revision {} in {} ms", previous, (System.nanoTime() - t0) / 1_000_000);
            }
            previous = now;
        } catch (StoreException e) {
            log.warn("compaction failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
