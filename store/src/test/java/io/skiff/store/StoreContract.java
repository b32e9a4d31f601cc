package io.skiff.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skiff.store.WatchEvent.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Store} contract, run against every backend. Each test works under its own key
 * prefix, so a backend may share one server between tests; nothing assumes an empty store.
 */
public abstract class StoreContract {
    protected static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger TESTS = new AtomicInteger();

    protected Store store;
    /** This test's own key space. */
    protected String root;

    /** A store for one test; closed after it. */
    protected abstract Store openStore() throws Exception;

    @BeforeEach
    void openTheStore() throws Exception {
        root = "/contract/" + TESTS.incrementAndGet() + "-" + System.nanoTime() + "/";
        store = openStore();
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    protected static String str(byte[] b) {
        return new String(b, UTF_8);
    }

    @Test
    void createdKeyCanBeReadBackWithItsRevisions() {
        KeyValue created = store.create(root + "a", bytes("one"));
        assertTrue(created.modRevision() > 0);
        assertEquals(created.modRevision(), created.createRevision());
        KeyValue read = store.get(root + "a").orElseThrow();
        assertEquals("one", str(read.value()));
        assertEquals(created.modRevision(), read.modRevision());
        assertEquals(created.createRevision(), read.createRevision());
        assertTrue(store.get(root + "absent").isEmpty());
    }

    @Test
    void createOfAnExistingKeyFailsWithKeyExists() {
        KeyValue first = store.create(root + "a", bytes("one"));
        assertThrows(StoreException.KeyExists.class, () -> store.create(root + "a", bytes("two")));
        assertEquals("one", str(store.get(root + "a").orElseThrow().value()));
        assertEquals(first.modRevision(), store.get(root + "a").orElseThrow().modRevision());
    }

    @Test
    void updateComparesModRevisionAndNeverOverwritesSilently() {
        KeyValue v1 = store.create(root + "a", bytes("one"));
        KeyValue v2 = store.update(root + "a", bytes("two"), v1.modRevision());
        assertTrue(v2.modRevision() > v1.modRevision());
        assertEquals(v1.createRevision(), v2.createRevision());

        StoreException.Conflict conflict = assertThrows(StoreException.Conflict.class,
                () -> store.update(root + "a", bytes("stale"), v1.modRevision()));
        assertEquals(v2.modRevision(), conflict.current().modRevision());
        assertEquals("two", str(conflict.current().value()));
        assertEquals("two", str(store.get(root + "a").orElseThrow().value()));

        assertThrows(StoreException.NotFound.class, () -> store.update(root + "absent", bytes("x"), v2.modRevision()));
        assertTrue(store.get(root + "absent").isEmpty());
    }

    @Test
    void deleteComparesModRevisionUnlessZeroAndReportsAbsentKeys() {
        KeyValue a = store.create(root + "a", bytes("one"));
        KeyValue b = store.create(root + "b", bytes("two"));
        StoreException.Conflict conflict = assertThrows(StoreException.Conflict.class,
                () -> store.delete(root + "a", b.modRevision()));
        assertEquals(a.modRevision(), conflict.current().modRevision());
        assertTrue(store.get(root + "a").isPresent());

        KeyValue deletedA = store.delete(root + "a", a.modRevision());
        assertEquals("one", str(deletedA.value()));
        assertEquals(a.createRevision(), deletedA.createRevision());
        assertTrue(deletedA.modRevision() > b.modRevision());
        assertTrue(store.get(root + "a").isEmpty());

        KeyValue deletedB = store.delete(root + "b", 0);
        assertEquals("two", str(deletedB.value()));
        assertTrue(deletedB.modRevision() > deletedA.modRevision());

        assertThrows(StoreException.NotFound.class, () -> store.delete(root + "a", 0));
        assertThrows(StoreException.NotFound.class, () -> store.delete(root + "a", a.modRevision()));
        assertThrows(StoreException.NotFound.class, () -> store.update(root + "a", bytes("x"), deletedA.modRevision()));
    }

    @Test
    void revisionsAreGlobalAndStrictlyIncreasing() {
        List<Long> revisions = new ArrayList<>();
        KeyValue a = store.create(root + "a", bytes("1"));
        revisions.add(a.modRevision());
        revisions.add(store.create(root + "b", bytes("1")).modRevision());
        revisions.add(store.update(root + "a", bytes("2"), a.modRevision()).modRevision());
        revisions.add(store.create(root + "c", bytes("1")).modRevision());
        revisions.add(store.delete(root + "b", 0).modRevision());
        for (int i = 1; i < revisions.size(); i++) {
            assertTrue(revisions.get(i) > revisions.get(i - 1), "revisions " + revisions);
        }
        assertEquals(revisions.get(revisions.size() - 1), store.currentRevision());
        assertEquals(store.currentRevision(), store.list(root, null, 0, 0).revision());
    }

    @Test
    void failedWritesDoNotConsumeARevision() {
        KeyValue a = store.create(root + "a", bytes("1"));
        assertThrows(StoreException.KeyExists.class, () -> store.create(root + "a", bytes("2")));
        assertThrows(StoreException.Conflict.class, () -> store.update(root + "a", bytes("2"), a.modRevision() + 100));
        assertEquals(a.modRevision(), store.currentRevision());
    }

    @Test
    void listPagesThroughAPrefixInKeyOrderAtOneRevision() {
        for (int i = 4; i >= 0; i--) {
            store.create(root + "p/k" + i, bytes("v" + i));
        }
        store.create(root + "p", bytes("not under p/"));
        store.create(root + "q/k0", bytes("other prefix"));

        ListResult first = store.list(root + "p/", null, 0, 2);
        assertEquals(List.of(root + "p/k0", root + "p/k1"), keys(first));
        assertTrue(first.more());
        long at = first.revision();
        store.create(root + "p/k5", bytes("after the first page"));

        ListResult second = store.list(root + "p/", root + "p/k1\0", at, 2);
        assertEquals(List.of(root + "p/k2", root + "p/k3"), keys(second));
        assertTrue(second.more());
        assertEquals(at, second.revision());
        ListResult third = store.list(root + "p/", root + "p/k3\0", at, 2);
        assertEquals(List.of(root + "p/k4"), keys(third));
        assertFalse(third.more());
        assertEquals("v4", str(third.items().get(0).value()));

        ListResult all = store.list(root + "p/", null, 0, 0);
        assertEquals(6, all.items().size());
        assertFalse(all.more());
        ListResult exact = store.list(root + "p/", null, 0, 6);
        assertEquals(6, exact.items().size());
        assertFalse(exact.more());
        assertEquals(6, store.count(root + "p/"));
    }

    @Test
    void listAtAPastRevisionSeesTheStateOfThatRevision() {
        KeyValue a = store.create(root + "a", bytes("a1"));
        KeyValue b = store.create(root + "b", bytes("b1"));
        long then = b.modRevision();
        store.update(root + "a", bytes("a2"), a.modRevision());
        store.delete(root + "b", 0);
        store.create(root + "c", bytes("c1"));

        ListResult past = store.list(root, null, then, 0);
        assertEquals(List.of(root + "a", root + "b"), keys(past));
        assertEquals("a1", str(past.items().get(0).value()));
        assertEquals(a.modRevision(), past.items().get(0).modRevision());
        assertEquals(then, past.revision());

        ListResult now = store.list(root, null, 0, 0);
        assertEquals(List.of(root + "a", root + "c"), keys(now));
        assertEquals("a2", str(now.items().get(0).value()));
        assertEquals(List.of(root + "a"), keys(store.list(root, null, a.modRevision(), 0)));
    }

    @Test
    void listAtAFutureRevisionIsRejected() {
        store.create(root + "a", bytes("1"));
        long future = store.currentRevision() + 1000;
        assertThrows(IllegalArgumentException.class, () -> store.list(root, null, future, 0));
    }

    @Test
    void compactionDiscardsHistoryButKeepsCurrentValues() throws Exception {
        KeyValue a1 = store.create(root + "a", bytes("a1"));
        KeyValue a2 = store.update(root + "a", bytes("a2"), a1.modRevision());
        KeyValue b = store.create(root + "b", bytes("b1"));
        KeyValue gone = store.create(root + "gone", bytes("x"));
        KeyValue goneDeleted = store.delete(root + "gone", 0);
        KeyValue c = store.create(root + "c", bytes("c1"));
        long at = goneDeleted.modRevision();
        store.compact(at);
        assertEquals(at, store.compactedRevision());

        StoreException.Compacted e = assertThrows(StoreException.Compacted.class,
                () -> store.list(root, null, a1.modRevision(), 0));
        assertEquals(at, e.compactedRevision());
        assertThrows(StoreException.Compacted.class, () -> store.list(root, null, gone.modRevision(), 0));

        ListResult atCompaction = store.list(root, null, at, 0);
        assertEquals(List.of(root + "a", root + "b"), keys(atCompaction));
        assertEquals(a2.modRevision(), atCompaction.items().get(0).modRevision());
        assertEquals(List.of(root + "a", root + "b", root + "c"), keys(store.list(root, null, 0, 0)));
        assertEquals("a2", str(store.get(root + "a").orElseThrow().value()));
        assertEquals(b.modRevision(), store.get(root + "b").orElseThrow().modRevision());
        assertEquals(3, store.count(root));

        RecordingListener old = new RecordingListener();
        try (Watch w = store.watch(root, a1.modRevision(), old)) {
            assertInstanceOf(StoreException.Compacted.class, old.awaitError(WAIT));
        }
        RecordingListener fromCompaction = new RecordingListener();
        try (Watch w = store.watch(root, at, fromCompaction)) {
            assertEquals(c.modRevision(), fromCompaction.takeOne(WAIT).revision());
        }
        long beyond = store.currentRevision() + 1000;
        assertThrows(IllegalArgumentException.class, () -> store.compact(beyond));
        store.compact(a1.modRevision()); // already compacted: no-op
        assertEquals(at, store.compactedRevision());
        // Writes continue above the compacted revision.
        assertTrue(store.update(root + "a", bytes("a3"), a2.modRevision()).modRevision() > c.modRevision());
    }

    @Test
    void watchFromAPastRevisionReplaysThenStreamsLiveInOrder() throws Exception {
        KeyValue a1 = store.create(root + "a", bytes("a1"));
        KeyValue a2 = store.update(root + "a", bytes("a2"), a1.modRevision());
        KeyValue b1 = store.create(root + "b", bytes("b1"));
        KeyValue bGone = store.delete(root + "b", b1.modRevision());
        KeyValue c1 = store.create(root + "c", bytes("c1"));

        RecordingListener rec = new RecordingListener();
        try (Watch w = store.watch(root, a2.modRevision(), rec)) {
            List<WatchEvent> replayed = rec.take(3, WAIT);
            assertEvent(replayed.get(0), Type.PUT, root + "b", "b1", b1.modRevision());
            assertNull(replayed.get(0).prevKv());
            assertEvent(replayed.get(1), Type.DELETE, root + "b", "b1", bGone.modRevision());
            assertEquals(b1.modRevision(), replayed.get(1).prevKv().modRevision());
            assertEquals("b1", str(replayed.get(1).prevKv().value()));
            assertEvent(replayed.get(2), Type.PUT, root + "c", "c1", c1.modRevision());

            KeyValue a3 = store.update(root + "a", bytes("a3"), a2.modRevision());
            KeyValue d1 = store.create(root + "d", bytes("d1"));
            List<WatchEvent> live = rec.take(2, WAIT);
            assertEvent(live.get(0), Type.PUT, root + "a", "a3", a3.modRevision());
            assertEquals("a2", str(live.get(0).prevKv().value()));
            assertEquals(a2.modRevision(), live.get(0).prevKv().modRevision());
            assertEquals(a1.createRevision(), live.get(0).kv().createRevision());
            assertEvent(live.get(1), Type.PUT, root + "d", "d1", d1.modRevision());
            rec.assertNoEvent(Duration.ofMillis(300));
            rec.assertOneThread();
            assertFalse(rec.failed());
        }
    }

    @Test
    void watchStartedDuringConcurrentWritesSeesEveryRevisionOnceInOrder() throws Exception {
        long before = store.currentRevision();
        Set<Long> acked = new ConcurrentSkipListSet<>();
        CountDownLatch someWritten = new CountDownLatch(100);
        int writers = 8;
        int perWriter = 60;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            int writer = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    String key = root + "w" + writer + "/" + i;
                    KeyValue kv = store.create(key, bytes("v"));
                    acked.add(kv.modRevision());
                    someWritten.countDown();
                    if (i % 3 == 0) {
                        acked.add(store.update(key, bytes("v2"), kv.modRevision()).modRevision());
                    }
                }
                return null;
            }));
        }
        RecordingListener rec = new RecordingListener();
        assertTrue(someWritten.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        try (Watch w = store.watch(root, before, rec)) { // part replay, part live
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            List<WatchEvent> events = rec.take(acked.size(), WAIT);
            List<Long> seen = events.stream().map(WatchEvent::revision).toList();
            assertStrictlyIncreasing(seen);
            assertEquals(new TreeSet<>(acked), new TreeSet<>(seen));
            rec.assertNoEvent(Duration.ofMillis(300));
        }
    }

    @Test
    void liveWatchOfManyConcurrentWritersSeesEveryRevisionOnceInOrder() throws Exception {
        RecordingListener rec = new RecordingListener();
        Set<Long> acked = new ConcurrentSkipListSet<>();
        try (Watch w = store.watch(root, store.currentRevision(), rec)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int writer = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        acked.add(store.create(root + writer + "/" + i, bytes("v")).modRevision());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            List<Long> seen = rec.take(400, WAIT).stream().map(WatchEvent::revision).toList();
            assertStrictlyIncreasing(seen);
            assertEquals(new TreeSet<>(acked), new TreeSet<>(seen));
            rec.assertNoEvent(Duration.ofMillis(300));
            rec.assertOneThread();
        }
    }

    @Test
    void concurrentReadModifyWriteUpdatersEitherWinOrGetConflict() throws Exception {
        String key = root + "counter";
        store.create(key, bytes(""));
        int updaters = 50;
        Set<Integer> won = ConcurrentHashMap.newKeySet();
        Set<Integer> conflicted = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(updaters);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < updaters; i++) {
            int id = i;
            done.add(pool.submit(() -> {
                go.await();
                KeyValue read = store.get(key).orElseThrow();
                try {
                    store.update(key, bytes(str(read.value()) + id + ","), read.modRevision());
                    won.add(id);
                } catch (StoreException.Conflict e) {
                    assertTrue(e.current().modRevision() > read.modRevision());
                    conflicted.add(id);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertFalse(won.isEmpty());
        assertEquals(updaters, won.size() + conflicted.size());
        Set<Integer> reflected = Arrays.stream(str(store.get(key).orElseThrow().value()).split(","))
                .filter(s -> !s.isEmpty()).map(Integer::valueOf).collect(Collectors.toSet());
        assertEquals(won, reflected);
    }

    @Test
    void prefixesDoNotLeakIntoEachOther() throws Exception {
        store.create(root + "a/x", bytes("1"));
        KeyValue ab = store.create(root + "ab/x", bytes("2"));
        assertEquals(List.of(root + "a/x"), keys(store.list(root + "a/", null, 0, 0)));
        assertEquals(List.of(root + "ab/x"), keys(store.list(root + "ab/", null, 0, 0)));
        assertEquals(1, store.count(root + "a/"));

        RecordingListener rec = new RecordingListener();
        try (Watch w = store.watch(root + "a/", ab.modRevision() - 2, rec)) {
            assertEquals(root + "a/x", rec.takeOne(WAIT).kv().key());
            store.update(root + "ab/x", bytes("3"), ab.modRevision());
            KeyValue marker = store.create(root + "a/y", bytes("marker"));
            WatchEvent next = rec.takeOne(WAIT);
            assertEquals(root + "a/y", next.kv().key());
            assertEquals(marker.modRevision(), next.revision());
            rec.assertNoEvent(Duration.ofMillis(200));
        }
    }

    @Test
    void deleteThenRecreateStartsANewLife() throws Exception {
        KeyValue first = store.create(root + "k", bytes("first"));
        KeyValue deleted = store.delete(root + "k", first.modRevision());
        RecordingListener rec = new RecordingListener();
        try (Watch w = store.watch(root, deleted.modRevision(), rec)) {
            KeyValue second = store.create(root + "k", bytes("second"));
            assertNotEquals(first.createRevision(), second.createRevision());
            assertEquals(second.modRevision(), second.createRevision());
            assertTrue(second.createRevision() > deleted.modRevision());
            assertThrows(StoreException.Conflict.class, () -> store.update(root + "k", bytes("x"), first.modRevision()));
            WatchEvent recreated = rec.takeOne(WAIT);
            assertEquals(Type.PUT, recreated.type());
            assertNull(recreated.prevKv());
            assertEquals(second.createRevision(), recreated.kv().createRevision());
        }
        assertEquals("second", str(store.get(root + "k").orElseThrow().value()));
    }

    @Test
    void closingAWatchStopsDelivery() throws Exception {
        RecordingListener rec = new RecordingListener();
        Watch w = store.watch(root, store.currentRevision(), rec);
        store.create(root + "1", bytes("v"));
        assertEquals(root + "1", rec.takeOne(WAIT).kv().key());
        w.close();
        store.create(root + "2", bytes("v"));
        store.create(root + "3", bytes("v"));
        rec.assertNoEvent(Duration.ofMillis(700));
        assertFalse(rec.failed());
        w.close(); // idempotent
    }

    private static void assertEvent(WatchEvent e, Type type, String key, String value, long revision) {
        assertEquals(type, e.type());
        assertEquals(key, e.kv().key());
        assertArrayEquals(bytes(value), e.kv().value());
        assertEquals(revision, e.revision());
    }

    private static void assertStrictlyIncreasing(List<Long> revisions) {
        for (int i = 1; i < revisions.size(); i++) {
            assertTrue(revisions.get(i) > revisions.get(i - 1),
                    "revision " + revisions.get(i) + " after " + revisions.get(i - 1) + " at index " + i);
        }
    }

    protected static List<String> keys(ListResult r) {
        return r.items().stream().map(KeyValue::key).toList();
    }
}
