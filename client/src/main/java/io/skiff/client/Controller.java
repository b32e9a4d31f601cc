package io.skiff.client;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one {@link Reconciler}: informer events become {@code namespace/name} keys in a
 * rate-limited {@link WorkQueue}, and N workers call {@code reconcile(key)}.
 *
 * <p>Error contract: success → {@code forget(key)} (and requeue after the delay asked for, if
 * any); 404 from the API → done (the object is gone, its deletion brings its own event);
 * any other failure → requeue with per-key exponential backoff. Keys, not objects, are
 * queued, so the reconciler always sees the latest cached state; intermediate states may be
 * skipped.
 */
public final class Controller implements AutoCloseable {
    private final String name;
    private final Reconciler reconciler;
    private final WorkQueue<String> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final Logger log;

    public Controller(String name, Reconciler reconciler) {
        this.name = name;
        this.reconciler = reconciler;
        this.queue = WorkQueue.withDefaultLimiter(name);
        this.log = LoggerFactory.getLogger(Controller.class.getName() + "." + name);
    }

    /** Enqueues the key of every object of this informer. */
    public <T extends HasMetadata> Controller watch(SharedIndexInformer<T> informer) {
        return watchMapped(informer, obj -> List.of(Keys.of(obj)));
    }

    /** Enqueues the key of the controlling owner of kind {@code ownerKind}, in the object's namespace. */
    public <T extends HasMetadata> Controller watchOwned(SharedIndexInformer<T> informer, String ownerKind) {
        return watchMapped(informer, obj -> {
            Optional<OwnerReference> owner = Keys.controllerOf(obj);
            return owner.filter(r -> ownerKind.equals(r.getKind()))
                    .map(r -> List.of(Keys.of(obj.getMetadata().getNamespace(), r.getName())))
                    .orElse(List.of());
        });
    }

    /**
     * Enqueues whatever keys {@code keys} maps an object to. On update both the old and the
     * new object are mapped, so a change of labels or owner reaches the old key too.
     */
    public <T extends HasMetadata> Controller watchMapped(SharedIndexInformer<T> informer,
                                                          Function<T, Collection<String>> keys) {
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                keys.apply(obj).forEach(queue::add);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                keys.apply(oldObj).forEach(queue::add);
                keys.apply(newObj).forEach(queue::add);
            }

            @Override
            public void onDelete(T obj, boolean finalStateUnknown) {
                keys.apply(obj).forEach(queue::add);
            }
        });
        return this;
    }

    public void enqueue(String key) {
        queue.add(key);
    }

    public void enqueueAfter(String key, Duration delay) {
        queue.addAfter(key, delay);
    }

    /** Starts the workers; informers must already be started and synced. */
    public synchronized void start(int workerCount) {
        for (int i = 0; i < workerCount; i++) {
            Thread t = new Thread(this::work, name + "-worker-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        log.info("{} controller started with {} workers", name, workerCount);
    }

    private void work() {
        try {
            while (true) {
                Optional<String> next = queue.get();
                if (next.isEmpty()) {
                    return;
                }
                process(next.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void process(String key) {
        try {
            Result result = reconciler.reconcile(key);
            queue.forget(key);
            if (result.requeueAfter() != null) {
                queue.addAfter(key, result.requeueAfter());
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                queue.forget(key);
            } else {
                retry(key, e);
            }
        } catch (Exception e) {
            retry(key, e);
        } finally {
            queue.done(key);
        }
    }

    private void retry(String key, Exception e) {
        int n = queue.numRequeues(key);
        if (queue.isShuttingDown()) {
            return; // a write cut short by close(): nothing to retry
        }
        if (e instanceof KubernetesClientException k && k.getCode() == 409) {
            log.debug("{} {}: conflict, retrying ({} retries)", name, key, n);
        } else if (e instanceof KubernetesClientException k) {
            log.warn("{} {}: HTTP {} {} ({} retries)", name, key, k.getCode(),
                    k.getStatus() == null ? e.toString() : k.getStatus().getMessage(), n);
        } else {
            log.warn("{} {}: {} ({} retries)", name, key, e.toString(), n);
        }
        queue.addRateLimited(key);
    }

    /** The queue, for tests of the error contract. */
    WorkQueue<String> queue() {
        return queue;
    }

    @Override
    public synchronized void close() {
        queue.shutDown();
        workers.forEach(Thread::interrupt);
        workers.clear();
    }
}
