package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.skiff.api.selector.LabelSelector;
import io.skiff.client.Controller;
import io.skiff.client.Informers;
import io.skiff.client.Keys;
import io.skiff.client.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Keeps {@code spec.replicas} pods of a template running: the ReplicaSet controller, and, with
 * a {@link ReplicationControllerKind}, the ReplicationController controller (the same logic).
 *
 * <p>reconcile: claim the pods of the namespace (adopt orphans the selector matches, release
 * owned pods it no longer matches), then, unless earlier creations or deletions are still
 * unseen by the cache, create the missing pods in slow-start batches (1, 2, 4, …; a failure
 * stops the rest) or delete the surplus, least valuable first; finally write the status.
 */
public final class ReplicaSetController<T extends HasMetadata> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplicaSetController.class);
    /** At most this many creations or deletions per reconcile, as Kubernetes' burstReplicas. */
    static final int BURST_REPLICAS = 500;

    private final KubernetesClient client;
    private final ReplicatedKind<T> kind;
    private final SharedIndexInformer<T> owners;
    private final SharedIndexInformer<Pod> pods;
    private final PodControl podControl;
    private final Expectations expectations = new Expectations();
    private final EventRecorder events;
    private final ExecutorService writers;
    private final Controller controller;

    ReplicaSetController(KubernetesClient client, Informers informers, ReplicatedKind<T> kind) {
        this.client = client;
        this.kind = kind;
        this.owners = informers.of(kind.type());
        this.pods = informers.of(Pod.class);
        this.podControl = new PodControl(client);
        this.events = new EventRecorder(client, kind.kind().equals("ReplicaSet") ? "replicaset-controller" : "replication-controller");
        this.writers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, kind.kind() + "-pod-writer");
            t.setDaemon(true);
            return t;
        });
        this.controller = new Controller(kind.kind(), this::reconcile)
                .watch(owners)
                .watchMapped(pods, this::ownersOf);
        pods.addEventHandler(new ExpectationObserver());
    }

    public static ReplicaSetController<ReplicaSet> forReplicaSets(KubernetesClient client, Informers informers) {
        return new ReplicaSetController<>(client, informers, new ReplicaSetKind());
    }

    public static ReplicaSetController<ReplicationController> forReplicationControllers(KubernetesClient client,
                                                                                          Informers informers) {
        return new ReplicaSetController<>(client, informers, new ReplicationControllerKind());
    }

    public void start(int workers) {
        controller.start(workers);
    }

    /** The owner controlling the pod, or for an orphan every owner whose selector matches it. */
    private List<String> ownersOf(Pod pod) {
        String ns = pod.getMetadata().getNamespace();
        var ref = ControllerRefs.controllerOf(pod);
        if (ref.isPresent()) {
            return kind.kind().equals(ref.get().getKind()) ? List.of(Keys.of(ns, ref.get().getName())) : List.of();
        }
        return owners.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns).stream()
                .filter(o -> kind.selector(o).matches(pod.getMetadata().getLabels()))
                .map(Keys::of).toList();
    }

    Result reconcile(String key) throws Exception {
        T owner = owners.getIndexer().getByKey(key);
        if (owner == null) {
            expectations.forget(key);
            return Result.done();
        }
        String ns = owner.getMetadata().getNamespace();
        boolean satisfied = expectations.satisfied(key, name -> pods.getIndexer().getByKey(Keys.of(ns, name)));
        List<Pod> active = claimPods(owner).stream().filter(Pods::isActive).toList();
        Exception manageError = null;
        if (satisfied && owner.getMetadata().getDeletionTimestamp() == null) {
            try {
                manageReplicas(key, owner, active);
            } catch (Exception e) {
                manageError = e;
            }
        }
        Result result = updateStatus(owner, active);
        if (manageError != null) {
            throw manageError;
        }
        return result;
    }

    /** The pods this owner controls after adopting matching orphans and releasing non-matching ones. */
    private List<Pod> claimPods(T owner) {
        LabelSelector selector = kind.selector(owner);
        boolean ownerDeleting = owner.getMetadata().getDeletionTimestamp() != null;
        List<Pod> owned = new ArrayList<>();
        for (Pod pod : pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, owner.getMetadata().getNamespace())) {
            boolean matches = selector.matches(pod.getMetadata().getLabels());
            var ref = ControllerRefs.controllerOf(pod);
            if (ref.isPresent()) {
                if (!owner.getMetadata().getUid().equals(ref.get().getUid())) {
                    continue;
                }
                if (matches || ownerDeleting) {
                    owned.add(pod);
                } else {
                    log.info("{} {}: releasing pod {} (labels no longer match)", kind.kind(), Keys.of(owner), pod.getMetadata().getName());
                    ignoreNotFound(() -> ControllerRefs.release(client, Pod.class, pod, owner));
                }
            } else if (matches && !ownerDeleting && pod.getMetadata().getDeletionTimestamp() == null) {
                log.info("{} {}: adopting pod {}", kind.kind(), Keys.of(owner), pod.getMetadata().getName());
                ignoreNotFound(() -> ControllerRefs.adopt(client, Pod.class, pod, owner, kind.apiVersion(), kind.kind()));
                owned.add(pod);
            }
        }
        return owned;
    }

    private void manageReplicas(String key, T owner, List<Pod> active) {
        int diff = active.size() - kind.replicas(owner);
        if (diff < 0) {
            int toCreate = Math.min(-diff, BURST_REPLICAS);
            log.info("{} {}: creating {} pods ({} of {} exist)", kind.kind(), key, toCreate, active.size(), kind.replicas(owner));
            createInSlowStartBatches(key, owner, toCreate);
        } else if (diff > 0) {
            int toDelete = Math.min(diff, BURST_REPLICAS);
            List<Pod> victims = active.stream().sorted(DELETION_ORDER).limit(toDelete).toList();
            log.info("{} {}: deleting {} pods ({} of {} exist)", kind.kind(), key, toDelete, active.size(), kind.replicas(owner));
            List<CompletableFuture<Void>> deletes = new ArrayList<>();
            for (Pod victim : victims) {
                String name = victim.getMetadata().getName();
                expectations.expectDeleted(key, name);
                deletes.add(CompletableFuture.runAsync(() -> {
                    try {
                        podControl.delete(owner.getMetadata().getNamespace(), name);
                        events.normal(owner, "SuccessfulDelete", "Deleted pod: " + name);
                    } catch (RuntimeException e) {
                        expectations.observed(key, name, false); // it will not go away: stop waiting for it
                        events.warning(owner, "FailedDelete", "Error deleting: " + e.getMessage());
                        throw e;
                    }
                }, writers));
            }
            joinAll(deletes);
        }
    }

    /** Batches of 1, 2, 4, …: a quota or admission failure costs one request, not hundreds. */
    private void createInSlowStartBatches(String key, T owner, int count) {
        int remaining = count;
        for (int batch = 1; remaining > 0; batch *= 2) {
            int size = Math.min(batch, remaining);
            List<CompletableFuture<Void>> creates = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                creates.add(CompletableFuture.runAsync(() -> {
                    try {
                        String name = podControl.create(owner, kind.apiVersion(), kind.kind(), kind.template(owner));
                        expectations.expectCreated(key, name);
                        events.normal(owner, "SuccessfulCreate", "Created pod: " + name);
                    } catch (RuntimeException e) {
                        events.warning(owner, "FailedCreate", "Error creating: " + e.getMessage());
                        throw e;
                    }
                }, writers));
            }
            joinAll(creates);
            remaining -= size;
        }
    }

    private static void joinAll(List<CompletableFuture<Void>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private Result updateStatus(T owner, List<Pod> active) {
        Instant now = Instant.now();
        int minReady = kind.minReadySeconds(owner);
        Map<String, String> templateLabels = kind.template(owner).getMetadata() == null
                ? Map.of() : kind.template(owner).getMetadata().getLabels();
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
        for (Pod p : active) {
            Map<String, String> labels = p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels();
            if (templateLabels == null || labels.entrySet().containsAll(templateLabels.entrySet())) {
                fullyLabeled++;
            }
            if (Pods.isReady(p)) {
                ready++;
            }
            if (Pods.isAvailable(p, minReady, now)) {
                available++;
            }
        }
        long generation = owner.getMetadata().getGeneration() == null ? 0 : owner.getMetadata().getGeneration();
        ReplicaStatus status = new ReplicaStatus(active.size(), fullyLabeled, ready, available, generation);
        if (!status.equals(kind.status(owner))) {
            T copy = client.getKubernetesSerialization().clone(owner);
            kind.setStatus(copy, status);
            client.resource(copy).updateStatus();
            log.debug("{} {}: status {}", kind.kind(), Keys.of(owner), status);
        }
        // a pod that is ready but not yet available becomes available with no event to tell us
        return ready > available ? Result.requeueAfter(Duration.ofSeconds(Math.max(1, minReady))) : Result.done();
    }

    /**
     * Which pods go first when scaling down: unscheduled before scheduled, Pending before
     * Unknown before Running, not ready before ready, ready for less time first, more restarts
     * first, newer first.
     */
    static final Comparator<Pod> DELETION_ORDER = Comparator
            .comparing((Pod p) -> Pods.isScheduled(p))
            .thenComparing(p -> phaseRank(Pods.phase(p)))
            .thenComparing(Pods::isReady)
            .thenComparing((Pod p) -> Pods.readySince(p).orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(Pods::restarts, Comparator.reverseOrder())
            .thenComparing((Pod p) -> p.getMetadata().getCreationTimestamp() == null ? ""
                    : p.getMetadata().getCreationTimestamp(), Comparator.reverseOrder());

    private static int phaseRank(String phase) {
        return switch (phase) {
            case "Pending" -> 0;
            case "Unknown" -> 1;
            default -> 2;
        };
    }

    private static void ignoreNotFound(Runnable write) {
        try {
            write.run();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    /** Lets expectations see a pod that came and went between two reconciles. */
    private final class ExpectationObserver implements ResourceEventHandler<Pod> {
        @Override
        public void onAdd(Pod pod) {
            ControllerRefs.controllerOf(pod).filter(r -> kind.kind().equals(r.getKind())).ifPresent(r ->
                    expectations.observed(Keys.of(pod.getMetadata().getNamespace(), r.getName()), pod.getMetadata().getName(), true));
        }

        @Override
        public void onUpdate(Pod oldPod, Pod newPod) {
            if (newPod.getMetadata().getDeletionTimestamp() != null) {
                onDelete(newPod, false); // a graceful deletion counts as done once it has begun
            }
        }

        @Override
        public void onDelete(Pod pod, boolean finalStateUnknown) {
            ControllerRefs.controllerOf(pod).filter(r -> kind.kind().equals(r.getKind())).ifPresent(r ->
                    expectations.observed(Keys.of(pod.getMetadata().getNamespace(), r.getName()), pod.getMetadata().getName(), false));
        }
    }

    @Override
    public void close() {
        controller.close();
        writers.shutdownNow();
    }
}
