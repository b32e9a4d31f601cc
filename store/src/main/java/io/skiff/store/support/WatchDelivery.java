package io.skiff.store.support;

import io.skiff.store.StoreException;
import io.skiff.store.Watch;
import io.skiff.store.WatchEvent;
import io.skiff.store.WatchListener;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one watch's events to its listener on a thread of its own, so a slow listener delays
 * only itself. Producers {@link #offer} events without ever blocking; a watch whose backlog
 * exceeds the limit is ended with {@link StoreException.Unavailable} instead of growing forever.
 *
 * <p>Before live events, the thread runs a {@link Replay} (history from a log); live events at or
 * below the revision the replay returns are dropped, since the replay already delivered them.
 */
public final class WatchDelivery implements Watch {
    private static final Logger LOG = LoggerFactory.getLogger(WatchDelivery.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final Object WAKE = new Object();

    /** Delivers history through {@code sink} and returns the revision that live events must exceed. */
    public interface Replay {
        long run(Consumer<WatchEvent> sink);
    }

    private final String description;
    private final WatchListener listener;
    private final int maxBacklog;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Runnable onClose = () -> { };
    private volatile boolean failed;

    public WatchDelivery(String description, WatchListener listener, int maxBacklog) {
        this.description = description;
        this.listener = listener;
        this.maxBacklog = maxBacklog;
    }

    /** What to release (a subscription, a remote watcher) when the watch ends for any reason. */
    public void onClose(Runnable action) {
        this.onClose = action;
    }

    /** Starts the delivery thread: {@code replay} first, then live events. */
    public void start(Replay replay) {
        Thread thread = new Thread(() -> run(replay), "skiff-watch-" + IDS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a live event; never blocks. */
    public synchronized void offer(WatchEvent event) {
        if (closed.get() || failed) {
            return;
        }
        if (queue.size() >= maxBacklog) {
            LOG.warn("watch {} fell behind by {} events; ending it", description, maxBacklog);
            queue.clear();
            fail(new StoreException.Unavailable("watch fell behind by more than " + maxBacklog + " events", null));
            return;
        }
        queue.add(event);
    }

    /** Ends the watch with {@code error} after the events already queued. */
    public synchronized void fail(StoreException error) {
        if (!closed.get() && !failed) {
            failed = true;
            queue.add(error);
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
            queue.add(WAKE);
        }
    }

    private void run(Replay replay) {
        try {
            long dropUpTo = replay.run(this::deliver);
            while (!closed.get()) {
                Object item = queue.take();
                if (item instanceof StoreException error) {
                    end(error);
                } else if (item instanceof WatchEvent event && event.revision() > dropUpTo) {
                    deliver(event);
                }
            }
        } catch (StoreException e) {
            end(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        } catch (RuntimeException e) {
            LOG.warn("watch {} failed (listener or replay); ending it", description, e);
            close();
        }
    }

    private void deliver(WatchEvent event) {
        if (!closed.get()) {
            listener.onEvent(event);
        }
    }

    private void end(StoreException error) {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
            listener.onError(error);
        }
    }
}
