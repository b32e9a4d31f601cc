package io.skiff.store.embedded;

import io.skiff.store.KeyValue;
import io.skiff.store.ListResult;
import io.skiff.store.Store;
import io.skiff.store.StoreException;
import io.skiff.store.Watch;
import io.skiff.store.WatchListener;
import io.skiff.store.support.KeyRange;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded backend: one SQLite file holding a kine-style log (one row per revision).
 * Writes go through a single group-committing writer ({@link GroupCommitter}); reads use a small
 * pool of their own connections; watches are served in-process ({@link SqliteWatch}).
 * One process at a time: a lock file next to the database enforces it.
 */
public final class SqliteStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

    /**
     * @param readConnections connections for concurrent reads
     * @param watchBacklog    events a watch may fall behind before it is ended with an error
     */
    public record Options(int readConnections, int watchBacklog) {
        public static final Options DEFAULT = new Options(4, 100_000);
    }

    private final FileLock lock;
    private final ReadPool readPool;
    private final LogReader reader;
    private final LogWriter writer;
    private final Broadcaster broadcaster = new Broadcaster();
    private final GroupCommitter committer;
    private final SqliteWatch watches;

    public SqliteStore(Path file) {
        this(file, Options.DEFAULT);
    }

    public SqliteStore(Path file, Options options) {
        Database db = new Database(file);
        lock = lockFile(db);
        try {
            db.initialize();
            writer = new LogWriter(db);
            committer = new GroupCommitter(writer, broadcaster);
            readPool = new ReadPool(db, options.readConnections());
        } catch (SQLException e) {
            releaseLock();
            throw new StoreException.Unavailable("cannot open " + file + ": " + e.getMessage(), e);
        }
        reader = new LogReader(readPool);
        watches = new SqliteWatch(reader, committer, broadcaster, options.watchBacklog());
        LOG.info("opened store {} at revision {} (compacted {})", file, committer.revision(), committer.compactedRevision());
    }

    @Override
    public Optional<KeyValue> get(String key) {
        return reader.latest(key).filter(r -> !r.deleted()).map(Row::keyValue);
    }

    @Override
    public ListResult list(String prefix, String startKey, long revision, int limit) {
        long current = committer.revision();
        long at = revision == 0 ? current : revision;
        if (at > current) {
            throw new IllegalArgumentException("revision " + at + " is in the future (current " + current + ")");
        }
        requireNotCompacted(at);
        List<Row> rows = reader.list(KeyRange.of(prefix, startKey), at, limit);
        requireNotCompacted(at); // compaction may have run during the read
        boolean more = limit > 0 && rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        return new ListResult(page.stream().map(Row::keyValue).toList(), at, more);
    }

    @Override
    public long count(String prefix) {
        return reader.count(KeyRange.of(prefix, null));
    }

    @Override
    public KeyValue create(String key, byte[] value) {
        return await(committer.submit(new WriteRequest(WriteRequest.Kind.CREATE, key, value, 0)));
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        return await(committer.submit(new WriteRequest(WriteRequest.Kind.UPDATE, key, value, expectedModRevision)));
    }

    @Override
    public KeyValue delete(String key, long expectedModRevision) {
        return await(committer.submit(new WriteRequest(WriteRequest.Kind.DELETE, key, null, expectedModRevision)));
    }

    @Override
    public Watch watch(String prefix, long fromRevision, WatchListener listener) {
        return watches.start(prefix, fromRevision, listener);
    }

    @Override
    public void compact(long revision) {
        await(committer.compact(revision));
    }

    @Override
    public long currentRevision() {
        return committer.revision();
    }

    @Override
    public long compactedRevision() {
        return committer.compactedRevision();
    }

    @Override
    public void close() {
        committer.close();
        broadcaster.closeAll();
        readPool.close();
        try {
            writer.close();
        } catch (SQLException e) {
            LOG.warn("closing store failed", e);
        }
        releaseLock();
    }

    /** Takes the lock file beside the database, so that two stores never write one file. */
    private static FileLock lockFile(Database db) {
        Path lockPath = Path.of(db.file().toAbsolutePath() + ".lock");
        FileChannel channel = null;
        try {
            db.createDirectory();
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // held by another store in this JVM
        } catch (IOException e) {
            throw new StoreException.Unavailable("cannot lock " + lockPath + ": " + e.getMessage(), e);
        }
        closeQuietly(channel);
        throw new StoreException.Unavailable(db.file() + " is in use by another store", null);
    }

    private void releaseLock() {
        closeQuietly(lock.channel()); // closing the channel releases the lock
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.warn("closing lock file failed", e);
        }
    }

    private void requireNotCompacted(long revision) {
        long compacted = committer.compactedRevision();
        if (revision < compacted) {
            throw new StoreException.Compacted(revision, compacted);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException.Unavailable("interrupted while waiting for the write to commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new StoreException.Unavailable("write failed", e.getCause());
        }
    }
}
