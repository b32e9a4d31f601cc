package io.skiff.store.embedded;

import io.skiff.store.StoreException;
import io.skiff.store.WatchEvent;
import io.skiff.store.support.KeyRange;
import io.skiff.store.support.WatchDelivery;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fans committed events out to the live watches, in revision order, without ever blocking the writer. */
final class Broadcaster {

    /** A watch's interest: events under {@code prefix} go to {@code delivery}. */
    record Subscription(String prefix, WatchDelivery delivery) {
    }

    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    void subscribe(Subscription s) {
        subscriptions.add(s);
    }

    void unsubscribe(Subscription s) {
        subscriptions.remove(s);
    }

    /** Called by the writer after each commit with the batch's events, in revision order. */
    void publish(List<WatchEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (Subscription s : subscriptions) {
            for (WatchEvent e : events) {
                if (KeyRange.under(e.kv().key(), s.prefix())) {
                    s.delivery().offer(e);
                }
            }
        }
    }

    /** Ends every live watch with an error (the store is closing). */
    void closeAll() {
        StoreException closed = new StoreException.Unavailable("store closed", null);
        subscriptions.forEach(s -> s.delivery().fail(closed));
    }
}
