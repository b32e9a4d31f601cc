package io.skiff.store.embedded;

import io.skiff.store.KeyValue;
import io.skiff.store.StoreException;
import io.skiff.store.WatchEvent;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer. It drains every pending write into one transaction, checks each write's
 * precondition against the latest state inside that transaction, commits once (one fsync for the
 * whole batch), then publishes the batch's events and completes each caller's future with its own
 * result. Revisions are assigned here, so they are gap-free and strictly increasing.
 *
 * <p>Compaction also runs here, in chunks between write batches, so it never stalls writers for
 * long and never races a write.
 */
final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    private static final int MAX_BATCH = 1024;
    private static final long COMPACT_CHUNK = 10_000;

    private final LogWriter log;
    private final Broadcaster broadcaster;
    private final LinkedBlockingQueue<WriterOp> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile long revision;
    private volatile long compactedRevision;
    private volatile boolean accepting = true;

    /** Compaction runs from {@code physicallyCompacted} to {@code compactionTarget}, chunk by chunk. */
    private long physicallyCompacted;
    private long compactionTarget;
    private final List<CompletableFuture<Void>> compactionWaiters = new ArrayList<>();

    GroupCommitter(LogWriter log, Broadcaster broadcaster) throws SQLException {
        this.log = log;
        this.broadcaster = broadcaster;
        this.revision = log.lastRevision();
        this.compactedRevision = log.compactedRevision();
        this.physicallyCompacted = compactedRevision;
        this.compactionTarget = compactedRevision;
        this.thread = new Thread(this::run, "skiff-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Revision of the latest durable write. */
    long revision() {
        return revision;
    }

    /** Revision below which reads fail; raised before compaction deletes anything. */
    long compactedRevision() {
        return compactedRevision;
    }

    CompletableFuture<KeyValue> submit(WriteRequest request) {
        enqueue(request, request.result());
        return request.result();
    }

    CompletableFuture<Void> compact(long rev) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        enqueue(new WriterOp.Compact(rev, done), done);
        return done;
    }

    private synchronized void enqueue(WriterOp op, CompletableFuture<?> result) {
        if (!accepting) {
            result.completeExceptionally(new StoreException.Unavailable("store is closed", null));
            return;
        }
        queue.add(op);
    }

    private void run() {
        try {
            loop();
        } catch (Throwable t) {
            // Without a writer every caller would wait forever: fail them and refuse new writes.
            LOG.error("store writer died; the store accepts no more writes", t);
            synchronized (this) {
                accepting = false;
            }
            StoreException failure = new StoreException.Unavailable("store writer died: " + t, t);
            List<WriterOp> left = new ArrayList<>();
            queue.drainTo(left);
            for (WriterOp op : left) {
                if (op instanceof WriteRequest w) {
                    w.result().completeExceptionally(failure);
                } else if (op instanceof WriterOp.Compact c) {
                    c.done().completeExceptionally(failure);
                }
            }
            compactionWaiters.forEach(f -> f.completeExceptionally(failure));
        }
    }

    private void loop() {
        List<WriterOp> batch = new ArrayList<>(MAX_BATCH);
        boolean stopping = false;
        while (!stopping || !queue.isEmpty() || compacting()) {
            batch.clear();
            try {
                WriterOp first = compacting() || stopping ? queue.poll() : queue.take();
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
            } catch (InterruptedException e) {
                stopping = true;
                continue;
            }
            List<WriteRequest> writes = new ArrayList<>(batch.size());
            for (WriterOp op : batch) {
                if (op instanceof WriteRequest w) {
                    writes.add(w);
                } else if (op instanceof WriterOp.Compact c) {
                    startCompaction(c);
                } else {
                    stopping = true;
                }
            }
            if (!writes.isEmpty()) {
                commit(writes);
            }
            if (compacting()) {
                compactChunk();
            }
        }
    }

    private void commit(List<WriteRequest> writes) {
        long next = revision;
        List<Object> outcomes = new ArrayList<>(writes.size());
        List<WatchEvent> events = new ArrayList<>(writes.size());
        try {
            for (WriteRequest w : writes) {
                try {
                    Row row = w.toRow(log.latest(w.key()), next + 1);
                    log.insert(row);
                    next = row.id();
                    outcomes.add(row.keyValue());
                    events.add(row.event());
                } catch (StoreException e) {
                    outcomes.add(e);
                }
            }
            log.commit();
        } catch (SQLException | RuntimeException e) {
            log.rollback();
            LOG.error("write batch of {} failed; none of it was stored", writes.size(), e);
            StoreException failure = new StoreException.Unavailable("write failed: " + e.getMessage(), e);
            writes.forEach(w -> w.result().completeExceptionally(failure));
            return;
        }
        revision = next;
        broadcaster.publish(events);
        for (int i = 0; i < writes.size(); i++) {
            Object outcome = outcomes.get(i);
            if (outcome instanceof KeyValue kv) {
                writes.get(i).result().complete(kv);
            } else {
                writes.get(i).result().completeExceptionally((Throwable) outcome);
            }
        }
    }

    private boolean compacting() {
        return physicallyCompacted < compactionTarget;
    }

    private void startCompaction(WriterOp.Compact c) {
        if (c.revision() > revision) {
            c.done().completeExceptionally(new IllegalArgumentException(
                    "cannot compact at " + c.revision() + ": current revision is " + revision));
            return;
        }
        if (c.revision() > compactedRevision) {
            compactedRevision = c.revision(); // readers below it fail from now on
        }
        compactionTarget = compactedRevision; // also resumes a compaction that failed earlier
        compactionWaiters.add(c.done());
        if (!compacting()) {
            compactionWaiters.forEach(f -> f.complete(null));
            compactionWaiters.clear();
        }
    }

    private void compactChunk() {
        long upTo = Math.min(physicallyCompacted + COMPACT_CHUNK, compactionTarget);
        try {
            int deleted = log.compact(physicallyCompacted, upTo);
            LOG.debug("compacted revisions ({}, {}]: {} rows deleted", physicallyCompacted, upTo, deleted);
            physicallyCompacted = upTo;
        } catch (SQLException e) {
            log.rollback();
            LOG.error("compaction of ({}, {}] failed", physicallyCompacted, upTo, e);
            StoreException failure = new StoreException.Unavailable("compaction failed: " + e.getMessage(), e);
            compactionTarget = physicallyCompacted; // stop retrying; the next compact() resumes from here
            compactionWaiters.forEach(f -> f.completeExceptionally(failure));
            compactionWaiters.clear();
            return;
        }
        if (!compacting()) {
            LOG.info("compacted store up to revision {}", compactedRevision);
            compactionWaiters.forEach(f -> f.complete(null));
            compactionWaiters.clear();
        }
    }

    /** Stops accepting writes, finishes the queued ones, and stops the thread. */
    @Override
    public void close() {
        synchronized (this) {
            accepting = false;
            queue.add(new WriterOp.Stop());
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
