package io.skiff.client;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One shared informer per kind, across all namespaces, shared by every controller of a
 * process: a single list+watch per kind feeds all their caches. Informers are created on
 * first request and started together by {@link #start}.
 */
public final class Informers implements AutoCloseable {
    private final KubernetesClient client;
    private final Map<Class<?>, SharedIndexInformer<?>> informers = new LinkedHashMap<>();

    public Informers(KubernetesClient client) {
        this.client = client;
    }

    @SuppressWarnings("unchecked")
    public synchronized <T extends HasMetadata> SharedIndexInformer<T> of(Class<T> kind) {
        return (SharedIndexInformer<T>) informers.computeIfAbsent(kind,
                k -> client.resources(kind).inAnyNamespace().runnableInformer(0));
    }

    /** Starts every informer and waits until each has listed once. */
    public synchronized void start(Duration timeout) throws Exception {
        CompletableFuture<?>[] started = informers.values().stream().map(SharedIndexInformer::start)
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(started).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        informers.values().forEach(SharedIndexInformer::close);
        informers.clear();
    }
}
