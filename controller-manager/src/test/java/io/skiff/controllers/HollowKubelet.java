package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test stand-in for kubelets: every new pod in the watched namespaces becomes Running and
 * Ready, with an IP, after a delay, by a PATCH of its /status. Nothing else is simulated.
 */
final class HollowKubelet implements AutoCloseable {
    private final KubernetesClient client;
    private final Set<String> namespaces = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final AtomicInteger nextIp = new AtomicInteger(1);
    private final SharedIndexInformer<Pod> informer;
    private volatile Duration readyAfter = Duration.ofMillis(30);
    private final java.util.List<Pod> held = new java.util.ArrayList<>();
    private boolean holding;

    HollowKubelet(KubernetesClient client) {
        this.client = client;
        this.informer = client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                if (namespaces.contains(pod.getMetadata().getNamespace())
                        && (pod.getStatus() == null || pod.getStatus().getPodIP() == null)) {
                    synchronized (held) {
                        if (holding) {
                            held.add(pod);
                            return;
                        }
                    }
                    timer.schedule(() -> start(pod), readyAfter.toMillis(), TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void onUpdate(Pod oldObj, Pod newObj) {
            }

            @Override
            public void onDelete(Pod obj, boolean deletedFinalStateUnknown) {
            }
        });
    }

    HollowKubelet serve(String namespace) {
        namespaces.add(namespace);
        return this;
    }

    /** New pods stay Pending until {@link #release}: a rollout that cannot progress. */
    void hold() {
        synchronized (held) {
            holding = true;
        }
    }

    void release() {
        synchronized (held) {
            holding = false;
            held.forEach(p -> timer.execute(() -> start(p)));
            held.clear();
        }
    }

    void readyAfter(Duration d) {
        readyAfter = d;
    }

    private void start(Pod pod) {
        int n = nextIp.getAndIncrement();
        String ip = "10.244." + (n / 250) + "." + (n % 250 + 1);
        try {
            setStatus(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), ip, true);
        } catch (RuntimeException e) {
            // a scheduled task's exception would vanish: report it and try again shortly
            System.err.println("hollow kubelet: starting " + pod.getMetadata().getName() + " failed: "
                    + (e instanceof KubernetesClientException k ? "HTTP " + k.getCode() + " " + k.getMessage() : e.toString()));
            timer.schedule(() -> start(pod), 100, TimeUnit.MILLISECONDS);
        }
    }

    /** Sets the pod's Ready condition (and IP, when given). */
    void setStatus(String namespace, String name, String ip, boolean ready) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String patch = "{\"status\":{\"phase\":\"Running\"" + (ip == null ? "" : ",\"podIP\":\"" + ip + "\"")
                + ",\"conditions\":[{\"type\":\"Ready\",\"status\":\"" + (ready ? "True" : "False")
                + "\",\"lastTransitionTime\":\"" + now + "\"}]}}";
        try {
            client.pods().inNamespace(namespace).withName(name).subresource("status")
                    .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        informer.close();
        timer.shutdownNow();
    }
}
