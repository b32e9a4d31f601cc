package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.skiff.client.Controller;
import io.skiff.client.Informers;
import io.skiff.client.Keys;
import io.skiff.client.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cascading deletion through ownerReferences, for the kinds Skiff serves that carry them.
 *
 * <p>For an object with owners: if every owner is gone (absent, or present with another uid,
 * confirmed by a live read since the cache may lag), the object is deleted (Background);
 * if only some are gone, their references are removed. For an object being deleted with the
 * {@code orphan} finalizer: its dependents lose their reference to it, then the finalizer goes.
 * With {@code foregroundDeletion}: its dependents are deleted, and the finalizer goes once none
 * that blocks owner deletion remains.
 *
 * <p>Queue keys are {@code Kind|namespace/name}.
 */
public final class GarbageCollector implements AutoCloseable {
    static final String ORPHAN = "orphan";
    static final String FOREGROUND = "foregroundDeletion";
    private static final String OWNER_INDEX = "gc-owner-uid";
    private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);

    private final KubernetesClient client;
    private final Map<String, Monitored<?>> byKind = new LinkedHashMap<>();
    private final Controller controller;

    /** One watched kind: its API group, class and informer. */
    private record Monitored<T extends HasMetadata>(String kind, String group, Class<T> type, SharedIndexInformer<T> informer) {
    }

    public GarbageCollector(KubernetesClient client, Informers informers) {
        this.client = client;
        this.controller = new Controller("GarbageCollector", this::reconcile);
        monitor(informers, "Pod", "", Pod.class);
        monitor(informers, "ReplicaSet", "apps", ReplicaSet.class);
        monitor(informers, "Deployment", "apps", Deployment.class);
        monitor(informers, "ReplicationController", "", ReplicationController.class);
        monitor(informers, "Service", "", Service.class);
        monitor(informers, "Endpoints", "", Endpoints.class);
        monitor(informers, "EndpointSlice", "discovery.k8s.io", EndpointSlice.class);
        monitor(informers, "ConfigMap", "", ConfigMap.class);
        monitor(informers, "Secret", "", Secret.class);
        monitor(informers, "ServiceAccount", "", ServiceAccount.class);
    }

    private <T extends HasMetadata> void monitor(Informers informers, String kind, String group, Class<T> type) {
        SharedIndexInformer<T> informer = informers.of(type);
        Function<T, List<String>> ownerUids = obj -> refs(obj).stream().map(OwnerReference::getUid).toList();
        informer.addIndexers(Map.of(OWNER_INDEX, ownerUids));
        byKind.put(kind, new Monitored<>(kind, group, type, informer));
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                if (interesting(obj)) {
                    controller.enqueue(key(kind, obj));
                }
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                onAdd(newObj);
            }

            @Override
            public void onDelete(T obj, boolean finalStateUnknown) {
                dependents(obj.getMetadata().getUid()).forEach(d -> controller.enqueue(key(d.kind().kind(), d.obj())));
                String ns = obj.getMetadata().getNamespace();
                for (OwnerReference ref : refs(obj)) {
                    if (byKind.containsKey(ref.getKind())) {
                        controller.enqueue(ref.getKind() + "|" + Keys.of(ns, ref.getName())); // a foreground owner may be waiting
                    }
                }
            }
        });
    }

    public void start(int workers) {
        controller.start(workers);
    }

    private static boolean interesting(HasMetadata obj) {
        return !refs(obj).isEmpty() || (obj.getMetadata().getDeletionTimestamp() != null
                && (hasFinalizer(obj, ORPHAN) || hasFinalizer(obj, FOREGROUND)));
    }

    private static String key(String kind, HasMetadata obj) {
        return kind + "|" + Keys.of(obj);
    }

    Result reconcile(String key) {
        int bar = key.indexOf('|');
        Monitored<?> m = byKind.get(key.substring(0, bar));
        String objKey = key.substring(bar + 1);
        HasMetadata obj = m == null ? null : m.informer().getIndexer().getByKey(objKey);
        if (obj == null) {
            return Result.done();
        }
        if (obj.getMetadata().getDeletionTimestamp() != null) {
            if (hasFinalizer(obj, ORPHAN)) {
                orphanDependents(obj);
                removeFinalizer(m, obj, ORPHAN);
                return Result.done();
            }
            if (hasFinalizer(obj, FOREGROUND)) {
                return deleteDependentsFirst(m, obj);
            }
        }
        return collectIfOwnersGone(m, obj);
    }

    private Result collectIfOwnersGone(Monitored<?> m, HasMetadata obj) {
        List<OwnerReference> refs = refs(obj);
        if (refs.isEmpty()) {
            return Result.done();
        }
        List<OwnerReference> dangling = new ArrayList<>();
        int solid = 0;
        boolean ownerWaitingForUs = false;
        for (OwnerReference ref : refs) {
            HasMetadata owner = owner(obj.getMetadata().getNamespace(), ref);
            if (owner == null) {
                dangling.add(ref);
            } else if (owner.getMetadata().getDeletionTimestamp() != null && hasFinalizer(owner, FOREGROUND)) {
                ownerWaitingForUs = true;
            } else {
                solid++;
            }
        }
        if (solid == 0) {
            // every owner is gone or going: so is this object
            if (obj.getMetadata().getDeletionTimestamp() == null) {
                log.info("garbage collecting {} {} (owners gone{})", m.kind(), Keys.of(obj),
                        ownerWaitingForUs ? " or deleting in foreground" : "");
                delete(m, obj, ownerWaitingForUs ? DeletionPropagation.FOREGROUND : DeletionPropagation.BACKGROUND);
            }
            return Result.done();
        }
        for (OwnerReference ref : dangling) {
            log.info("{} {}: removing reference to deleted owner {} {}", m.kind(), Keys.of(obj), ref.getKind(), ref.getName());
            removeOwnerRef(m, obj, ref.getUid());
        }
        return Result.done();
    }

    /**
     * The owner a reference points at, or null if it is gone. A cache miss is confirmed with a
     * live read, so that an owner created an instant ago is not taken for a deleted one. An
     * owner of a kind this collector does not watch is assumed present: never delete on a guess.
     */
    private HasMetadata owner(String namespace, OwnerReference ref) {
        Monitored<?> m = byKind.get(ref.getKind());
        String group = ref.getApiVersion() == null || !ref.getApiVersion().contains("/") ? ""
                : ref.getApiVersion().substring(0, ref.getApiVersion().indexOf('/'));
        if (m == null || !(m.group().equals(group) || (group.equals("extensions") && m.group().equals("apps")))) {
            return new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder().withNewMetadata()
                    .withName(ref.getName()).withUid(ref.getUid()).endMetadata().build();
        }
        HasMetadata found = m.informer().getIndexer().getByKey(Keys.of(namespace, ref.getName()));
        if (found == null || !ref.getUid().equals(found.getMetadata().getUid())) {
            found = client.resources(m.type()).inNamespace(namespace).withName(ref.getName()).get();
        }
        return found != null && ref.getUid().equals(found.getMetadata().getUid()) ? found : null;
    }

    private Result deleteDependentsFirst(Monitored<?> m, HasMetadata owner) {
        List<HasMetadata> blocking = new ArrayList<>();
        for (Dependent d : dependents(owner.getMetadata().getUid())) {
            HasMetadata dep = d.obj();
            OwnerReference ref = refs(dep).stream().filter(r -> owner.getMetadata().getUid().equals(r.getUid())).findFirst().orElseThrow();
            boolean blocks = Boolean.TRUE.equals(ref.getBlockOwnerDeletion());
            if (blocks) {
                blocking.add(dep);
            }
            if (dep.getMetadata().getDeletionTimestamp() == null) {
                log.info("foreground deletion of {} {}: deleting dependent {} {}", m.kind(), Keys.of(owner), d.kind().kind(), Keys.of(dep));
                delete(d.kind(), dep, blocks ? DeletionPropagation.FOREGROUND : DeletionPropagation.BACKGROUND);
            }
        }
        if (blocking.isEmpty()) {
            removeFinalizer(m, owner, FOREGROUND);
            return Result.done();
        }
        return Result.requeueAfter(Duration.ofSeconds(10)); // dependents' deletions enqueue us sooner
    }

    private void orphanDependents(HasMetadata owner) {
        for (Dependent d : dependents(owner.getMetadata().getUid())) {
            log.info("orphaning {} {} from {}", d.kind().kind(), Keys.of(d.obj()), Keys.of(owner));
            removeOwnerRef(d.kind(), d.obj(), owner.getMetadata().getUid());
        }
    }

    /** A cached object with a reference to some owner, and its kind. */
    private record Dependent(Monitored<?> kind, HasMetadata obj) {
    }

    /** Every cached object, of any monitored kind, with a reference to this uid. */
    private List<Dependent> dependents(String uid) {
        List<Dependent> out = new ArrayList<>();
        for (Monitored<?> m : byKind.values()) {
            for (HasMetadata dep : m.informer().getIndexer().byIndex(OWNER_INDEX, uid)) {
                out.add(new Dependent(m, dep));
            }
        }
        return out;
    }

    private <T extends HasMetadata> void delete(Monitored<T> m, HasMetadata obj, DeletionPropagation policy) {
        try {
            client.resources(m.type()).inNamespace(obj.getMetadata().getNamespace()).withName(obj.getMetadata().getName())
                    .withPropagationPolicy(policy).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    private <T extends HasMetadata> void removeOwnerRef(Monitored<T> m, HasMetadata obj, String uid) {
        try {
            client.resources(m.type()).inNamespace(obj.getMetadata().getNamespace()).withName(obj.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                            "{\"metadata\":{\"ownerReferences\":[{\"$patch\":\"delete\",\"uid\":\"" + uid + "\"}]}}");
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    private <T extends HasMetadata> void removeFinalizer(Monitored<T> m, HasMetadata obj, String finalizer) {
        T copy = m.type().cast(client.getKubernetesSerialization().clone(obj));
        List<String> finalizers = new ArrayList<>(copy.getMetadata().getFinalizers());
        finalizers.remove(finalizer);
        copy.getMetadata().setFinalizers(finalizers);
        try {
            client.resource(copy).update();
            log.info("{} {}: removed finalizer {}", m.kind(), Keys.of(obj), finalizer);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    private static List<OwnerReference> refs(HasMetadata obj) {
        return obj.getMetadata().getOwnerReferences() == null ? List.of() : obj.getMetadata().getOwnerReferences();
    }

    private static boolean hasFinalizer(HasMetadata obj, String f) {
        return obj.getMetadata().getFinalizers() != null && obj.getMetadata().getFinalizers().contains(f);
    }

    @Override
    public void close() {
        controller.close();
    }
}
