package io.skiff.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Watch.Watcher;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import io.skiff.store.KeyValue;
import io.skiff.store.StoreException;
import io.skiff.store.Watch;
import io.skiff.store.WatchEvent;
import io.skiff.store.WatchListener;
import io.skiff.store.support.KeyRange;
import io.skiff.store.support.WatchDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One etcd watch on a prefix from {@code fromRevision + 1}, with previous values, handed to a
 * {@link WatchDelivery} so a slow listener never holds up jetcd's event loop. jetcd itself
 * re-establishes the stream on another endpoint after a connection loss, resuming from the last
 * revision it saw.
 */
final class EtcdWatch implements io.etcd.jetcd.Watch.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdWatch.class);

    private final String description;
    private final long fromRevision;
    private final WatchDelivery delivery;
    private volatile boolean cancelled;

    private EtcdWatch(String description, long fromRevision, WatchDelivery delivery) {
        this.description = description;
        this.fromRevision = fromRevision;
        this.delivery = delivery;
    }

    static Watch start(io.etcd.jetcd.Watch client, String prefix, long fromRevision, WatchListener listener,
                       int maxBacklog) {
        String description = prefix + " from " + fromRevision;
        WatchDelivery delivery = new WatchDelivery("etcd " + description, listener, maxBacklog);
        EtcdWatch adapter = new EtcdWatch(description, fromRevision, delivery);
        WatchOption option = WatchOption.builder()
                .withRange(ByteSequence.from(KeyRange.of(prefix, null).endBytes()))
                .withRevision(fromRevision + 1)
                .withPrevKV(true)
                .build();
        Watcher watcher = client.watch(EtcdStore.bytes(prefix), option, adapter);
        delivery.onClose(() -> {
            adapter.cancelled = true;
            watcher.close();
        });
        delivery.start(sink -> fromRevision);
        return delivery;
    }

    @Override
    public void onNext(WatchResponse response) {
        for (io.etcd.jetcd.watch.WatchEvent e : response.getEvents()) {
            delivery.offer(toEvent(e));
        }
    }

    @Override
    public void onError(Throwable t) {
        if (cancelled) {
            return;
        }
        Throwable cause = EtcdErrors.unwrap(t);
        if (cause instanceof CompactedException c) {
            delivery.fail(new StoreException.Compacted(fromRevision, c.getCompactedRevision()));
        } else if (EtcdErrors.endsWatch(cause)) {
            delivery.fail(new StoreException.Unavailable("etcd watch failed: " + cause.getMessage(), cause));
        } else {
            // jetcd reports transient errors too, then resumes after the last revision it delivered.
            LOG.info("etcd watch {} interrupted ({}); resuming", description, cause.getMessage());
        }
    }

    @Override
    public void onCompleted() {
        if (!cancelled) {
            delivery.fail(new StoreException.Unavailable("etcd ended the watch", null));
        }
    }

    private static WatchEvent toEvent(io.etcd.jetcd.watch.WatchEvent e) {
        KeyValue prev = e.getPrevKV() == null || e.getPrevKV().getModRevision() == 0 ? null : EtcdStore.toKeyValue(e.getPrevKV());
        io.etcd.jetcd.KeyValue kv = e.getKeyValue();
        if (e.getEventType() == io.etcd.jetcd.watch.WatchEvent.EventType.DELETE) {
            // etcd's tombstone carries no value; the contract reports the deleted one.
            KeyValue deleted = new KeyValue(EtcdStore.string(kv.getKey()),
                    prev == null ? new byte[0] : prev.value(), prev == null ? 0 : prev.createRevision(), kv.getModRevision());
            return new WatchEvent(WatchEvent.Type.DELETE, deleted, prev);
        }
        return new WatchEvent(WatchEvent.Type.PUT, EtcdStore.toKeyValue(kv), kv.getVersion() == 1 ? null : prev);
    }
}
