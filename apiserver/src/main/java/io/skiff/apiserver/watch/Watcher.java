package io.skiff.apiserver.watch;

import java.util.ArrayDeque;
import java.util.function.Predicate;

/**
 * One client's watch: a bounded queue the cache fills and the client's request thread drains.
 * A watcher that falls {@code capacity} events behind is ended, as Kubernetes ends slow watchers;
 * its client relists.
 */
public final class Watcher implements AutoCloseable {
    private final Predicate<com.fasterxml.jackson.databind.node.ObjectNode> filter;
    private final int capacity;
    private final ArrayDeque<ObjectEvent> queue = new ArrayDeque<>();
    private final Runnable onClose;
    private final long fromRevision;
    private long progressRevision;
    private boolean closed;
    private String endReason;

    Watcher(Predicate<com.fasterxml.jackson.databind.node.ObjectNode> filter, int capacity, long fromRevision, Runnable onClose) {
        this.filter = filter;
        this.capacity = capacity;
        this.fromRevision = fromRevision;
        this.progressRevision = fromRevision;
        this.onClose = onClose;
    }

    /** Called by the cache for every change in order; translates selector transitions. */
    synchronized void offer(ObjectEvent event) {
        // the cache may dispatch a change after a list already showed it: the watch starts after fromRevision
        if (closed || event.revision() <= fromRevision) {
            return;
        }
        progressRevision = event.revision();
        boolean now = event.type() != ObjectEvent.Type.DELETED && filter.test(event.object());
        boolean before = event.prevObject() != null && filter.test(event.prevObject());
        ObjectEvent out;
        if (event.type() == ObjectEvent.Type.DELETED) {
            out = filter.test(event.object()) ? event : null;
        } else if (now && before) {
            out = event.as(ObjectEvent.Type.MODIFIED);
        } else if (now) {
            out = event.as(ObjectEvent.Type.ADDED);
        } else if (before) {
            out = event.as(ObjectEvent.Type.DELETED);
        } else {
            out = null;
        }
        if (out == null) {
            return;
        }
        if (queue.size() >= capacity) {
            end("watcher fell too far behind");
            return;
        }
        queue.add(out);
        notifyAll();
    }

    /**
     * The next event, or null after {@code timeoutMillis} without one.
     *
     * @throws Ended when the watch was ended by the server
     */
    public synchronized ObjectEvent next(long timeoutMillis) throws InterruptedException, Ended {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (queue.isEmpty() && !closed) {
            long wait = deadline - System.currentTimeMillis();
            if (wait <= 0) {
                return null;
            }
            wait(wait);
        }
        ObjectEvent e = queue.poll();
        if (e == null && endReason != null) {
            throw new Ended(endReason);
        }
        return e;
    }

    /** The revision up to which every change has been queued: safe to report as a bookmark once the queue is drained. */
    public synchronized long progressRevision() {
        return progressRevision;
    }

    public synchronized boolean isDrained() {
        return queue.isEmpty();
    }

    synchronized void end(String reason) {
        if (!closed) {
            endReason = reason;
            closed = true;
            notifyAll();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
            notifyAll();
        }
        onClose.run();
    }

    /** The server ended this watch; the client should relist. */
    public static final class Ended extends Exception {
        public Ended(String reason) {
            super(reason);
        }
    }
}
