package io.skiff.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skiff.store.KeyValue;
import io.skiff.store.RecordingListener;
import io.skiff.store.Store;
import io.skiff.store.StoreContract;
import io.skiff.store.StoreException;
import io.skiff.store.Watch;
import io.skiff.store.WatchEvent;
import io.skiff.store.WatchListener;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    protected Store openStore() {
        return new SqliteStore(dir.resolve("store.db"));
    }

    @Test
    void anEmptyStoreIsAtRevisionZero() {
        assertEquals(0, store.currentRevision());
        assertEquals(0, store.compactedRevision());
    }

    @Test
    void reopeningKeepsDataAndRevisionsKeepIncreasing() {
        KeyValue a = store.create(root + "a", bytes("1"));
        KeyValue gone = store.create(root + "gone", bytes("x"));
        KeyValue deleted = store.delete(root + "gone", gone.modRevision());
        store.compact(deleted.modRevision()); // removes the newest row: the delete
        store.close();

        store = openStore();
        assertEquals(deleted.modRevision(), store.currentRevision());
        assertEquals(deleted.modRevision(), store.compactedRevision());
        assertEquals("1", str(store.get(root + "a").orElseThrow().value()));
        assertTrue(store.get(root + "gone").isEmpty());
        assertTrue(store.create(root + "b", bytes("2")).modRevision() > deleted.modRevision());
        assertEquals(a.modRevision(), store.get(root + "a").orElseThrow().modRevision());
    }

    @Test
    void aSecondStoreOnTheSameFileIsRefused() {
        assertThrows(StoreException.Unavailable.class, () -> new SqliteStore(dir.resolve("store.db")));
    }

    @Test
    void aWatcherThatFallsTooFarBehindIsEndedWithoutBlockingWritersOrOtherWatchers() throws Exception {
        store.close();
        store = new SqliteStore(dir.resolve("store.db"), new SqliteStore.Options(2, 50));
        CountDownLatch release = new CountDownLatch(1);
        RecordingListener errors = new RecordingListener();
        WatchListener stuck = new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void onError(StoreException error) {
                errors.onError(error);
            }
        };
        RecordingListener healthy = new RecordingListener();
        try (Watch slow = store.watch(root, 0, stuck); Watch fast = store.watch(root, 0, healthy)) {
            for (int i = 0; i < 200; i++) {
                store.create(root + i, bytes("v"));
            }
            assertEquals(200, healthy.take(200, WAIT).size());
            release.countDown();
            assertInstanceOf(StoreException.Unavailable.class, errors.awaitError(WAIT));
        }
    }

    @Test
    void closingTheStoreFailsLaterWrites() {
        store.close();
        Store closed = store;
        assertThrows(StoreException.Unavailable.class, () -> closed.create(root + "x", bytes("v")));
        store = openStore();
    }

    @Test
    void compactionRemovesSupersededRowsFromTheFile() throws Exception {
        KeyValue kv = store.create(root + "k", bytes("0"));
        for (int i = 1; i <= 30; i++) {
            kv = store.update(root + "k", bytes(String.valueOf(i)), kv.modRevision());
        }
        store.compact(kv.modRevision());
        RecordingListener rec = new RecordingListener();
        try (Watch w = store.watch(root, kv.modRevision(), rec)) {
            KeyValue next = store.update(root + "k", bytes("31"), kv.modRevision());
            assertEquals(next.modRevision(), rec.takeOne(WAIT).revision());
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM log")) {
            rs.next();
            assertEquals(2, rs.getLong(1), "the compacted row and the write after it");
        }
    }
}
