package io.skiff.store.embedded;

import io.skiff.store.StoreException;
import io.skiff.store.Watch;
import io.skiff.store.WatchEvent;
import io.skiff.store.WatchListener;
import io.skiff.store.support.KeyRange;
import io.skiff.store.support.WatchDelivery;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts a watch: subscribe to live events first (they queue up), replay the log after
 * {@code fromRevision} up to the revision committed at subscription time, then hand over to the
 * queued live events, dropping the ones the replay already delivered. Because the writer raises
 * the revision before it publishes, every event is either in the replayed range or queued live.
 */
final class SqliteWatch {
    private static final int REPLAY_PAGE = 1000;

    private final LogReader reader;
    private final GroupCommitter committer;
    private final Broadcaster broadcaster;
    private final int maxBacklog;

    SqliteWatch(LogReader reader, GroupCommitter committer, Broadcaster broadcaster, int maxBacklog) {
        this.reader = reader;
        this.committer = committer;
        this.broadcaster = broadcaster;
        this.maxBacklog = maxBacklog;
    }

    Watch start(String prefix, long fromRevision, WatchListener listener) {
        WatchDelivery delivery = new WatchDelivery(prefix + " from " + fromRevision, listener, maxBacklog);
        Broadcaster.Subscription subscription = new Broadcaster.Subscription(prefix, delivery);
        delivery.onClose(() -> broadcaster.unsubscribe(subscription));
        broadcaster.subscribe(subscription);
        long upTo = committer.revision();
        delivery.start(sink -> replay(KeyRange.of(prefix, null), fromRevision, upTo, sink));
        return delivery;
    }

    private long replay(KeyRange range, long from, long upTo, Consumer<WatchEvent> sink) {
        long cursor = from;
        while (cursor < upTo) {
            // Checked after the read: compaction may have removed rows above the cursor meanwhile.
            List<Row> rows = reader.history(range, cursor, upTo, REPLAY_PAGE);
            long compacted = committer.compactedRevision();
            if (compacted > cursor) {
                throw new StoreException.Compacted(from, compacted);
            }
            rows.forEach(r -> sink.accept(r.event()));
            if (rows.size() < REPLAY_PAGE) {
                break;
            }
            cursor = rows.get(rows.size() - 1).id();
        }
        return Math.max(from, upTo);
    }
}
