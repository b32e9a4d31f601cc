package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.skiff.client.Controller;
import io.skiff.client.Informers;
import io.skiff.client.Keys;
import io.skiff.client.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rolls a Deployment's pod template out through ReplicaSets named {@code <deployment>-<hash>}.
 *
 * <p>reconcile: claim the ReplicaSets the selector matches; find the new set (template equal
 * but for {@code pod-template-hash}), creating it if needed with revision = highest old + 1;
 * then RollingUpdate (scale the new set up within {@code maxSurge}, the old ones down while
 * {@code maxUnavailable} allows, unhealthy pods first) or Recreate (old to zero, wait for their
 * pods to go, then the new set); a paused Deployment, or a change of {@code spec.replicas}, only
 * scales (in proportion across active sets mid-rollout). Once complete, old sets
 * beyond {@code revisionHistoryLimit} are deleted. Status and conditions are written last.
 */
public final class DeploymentController implements ReplicaSetWrites, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeploymentController.class);
    private static final Set<String> NOT_COPIED = Set.of("kubectl.kubernetes.io/last-applied-configuration",
            DeploymentReplicaSets.REVISION, DeploymentReplicaSets.REVISION_HISTORY,
            DeploymentReplicaSets.DESIRED_REPLICAS, DeploymentReplicaSets.MAX_REPLICAS, "deprecated.deployment.rollback.to");

    private final KubernetesClient client;
    private final SharedIndexInformer<Deployment> deployments;
    private final SharedIndexInformer<ReplicaSet> replicaSets;
    private final EventRecorder events;
    private final Controller controller;
    private final RollingUpdate rollingStrategy = new RollingUpdate(this);
    private final Recreate recreateStrategy = new Recreate(this);
    private final DeploymentScaler scaler = new DeploymentScaler(this);

    public DeploymentController(KubernetesClient client, Informers informers) {
        this.client = client;
        this.deployments = informers.of(Deployment.class);
        this.replicaSets = informers.of(ReplicaSet.class);
        this.events = new EventRecorder(client, "deployment-controller");
        this.controller = new Controller("Deployment", this::reconcile)
                .watch(deployments)
                .watchMapped(replicaSets, this::deploymentsOf);
    }

    public void start(int workers) {
        controller.start(workers);
    }

    private List<String> deploymentsOf(ReplicaSet rs) {
        String ns = rs.getMetadata().getNamespace();
        var ref = ControllerRefs.controllerOf(rs);
        if (ref.isPresent()) {
            return "Deployment".equals(ref.get().getKind()) ? List.of(Keys.of(ns, ref.get().getName())) : List.of();
        }
        Map<String, String> labels = rs.getMetadata().getLabels();
        return deployments.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns).stream()
                .filter(d -> io.skiff.api.selector.LabelSelector.from(d.getSpec().getSelector()).matches(labels))
                .map(Keys::of).toList();
    }


    Result reconcile(String key) {
        Deployment d = deployments.getIndexer().getByKey(key);
        if (d == null || d.getMetadata().getDeletionTimestamp() != null) {
            return Result.done(); // the garbage collector removes what it owned
        }
        LabelSelector sel = d.getSpec().getSelector();
        if (sel == null || ((sel.getMatchLabels() == null || sel.getMatchLabels().isEmpty())
                && (sel.getMatchExpressions() == null || sel.getMatchExpressions().isEmpty()))) {
            events.warning(d, "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
            return Result.done();
        }
        Rollout r = new Rollout(d);
        List<ReplicaSet> owned = claimReplicaSets(d);
        boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
        boolean recreate = !DeploymentStatusCalculator.isRolling(d);
        findNewReplicaSet(r, owned);
        if (paused || ProportionalScaling.isScalingEvent(r.d, r.all())) {
            scaler.scale(r);
            if (paused) {
                cleanupOldReplicaSets(r);
            }
        } else if (recreate) {
            recreateStrategy.rollout(r);
        } else {
            rollingStrategy.rollout(r);
        }
        return writeStatus(r);
    }

    private List<ReplicaSet> claimReplicaSets(Deployment d) {
        var selector = io.skiff.api.selector.LabelSelector.from(d.getSpec().getSelector());
        List<ReplicaSet> owned = new ArrayList<>();
        for (ReplicaSet rs : replicaSets.getIndexer().byIndex(Cache.NAMESPACE_INDEX, d.getMetadata().getNamespace())) {
            boolean matches = selector.matches(rs.getMetadata().getLabels());
            var ref = ControllerRefs.controllerOf(rs);
            if (ref.isPresent()) {
                if (!d.getMetadata().getUid().equals(ref.get().getUid())) {
                    continue;
                }
                if (matches) {
                    owned.add(rs);
                } else {
                    log.info("Deployment {}: releasing ReplicaSet {}", Keys.of(d), rs.getMetadata().getName());
                    ControllerRefs.release(client, ReplicaSet.class, rs, d);
                }
            } else if (matches && rs.getMetadata().getDeletionTimestamp() == null) {
                log.info("Deployment {}: adopting ReplicaSet {}", Keys.of(d), rs.getMetadata().getName());
                ControllerRefs.adopt(client, ReplicaSet.class, rs, d, "apps/v1", "Deployment");
                owned.add(rs);
            }
        }
        return owned;
    }

    /** Splits the sets into the new one (oldest with the current template) and the old ones; syncs revisions. */
    private void findNewReplicaSet(Rollout r, List<ReplicaSet> owned) {
        PodTemplateSpec template = r.d.getSpec().getTemplate();
        List<ReplicaSet> sorted = owned.stream().sorted(DeploymentReplicaSets.BY_CREATION).toList();
        for (ReplicaSet rs : sorted) {
            if (r.newRS == null && PodTemplateHash.equalIgnoringHash(rs.getSpec().getTemplate(), template)) {
                r.newRS = rs;
            } else {
                r.old.add(rs);
            }
        }
        if (r.newRS != null) {
            r.newRS = syncNewReplicaSetAnnotations(r, r.newRS);
            syncDeploymentRevision(r, DeploymentReplicaSets.revision(r.newRS));
        }
    }

    private long nextRevision(Rollout r) {
        return r.old.stream().mapToLong(DeploymentReplicaSets::revision).max().orElse(0) + 1;
    }

    /** A set that became new again (rollback) gets the next revision; its old number joins its history. */
    private ReplicaSet syncNewReplicaSetAnnotations(Rollout r, ReplicaSet rs) {
        long next = nextRevision(r);
        long current = DeploymentReplicaSets.revision(rs);
        Map<String, String> annotations = new HashMap<>(rs.getMetadata().getAnnotations() == null ? Map.of()
                : rs.getMetadata().getAnnotations());
        copyDeploymentAnnotations(r.d, annotations);
        if (current < next) {
            annotations.put(DeploymentReplicaSets.REVISION, Long.toString(next));
            if (current > 0) {
                Set<String> history = new LinkedHashSet<>();
                String prior = annotations.get(DeploymentReplicaSets.REVISION_HISTORY);
                if (prior != null && !prior.isEmpty()) {
                    history.addAll(List.of(prior.split(",")));
                }
                history.add(Long.toString(current));
                annotations.put(DeploymentReplicaSets.REVISION_HISTORY, String.join(",", history));
            }
        }
        int minReady = minReadySeconds(r.d);
        boolean minReadyChanged = rs.getSpec().getMinReadySeconds() == null ? minReady != 0
                : rs.getSpec().getMinReadySeconds() != minReady;
        if (annotations.equals(rs.getMetadata().getAnnotations()) && !minReadyChanged) {
            return rs;
        }
        ReplicaSet copy = client.getKubernetesSerialization().clone(rs);
        copy.getMetadata().setAnnotations(annotations);
        copy.getSpec().setMinReadySeconds(minReady);
        return client.apps().replicaSets().inNamespace(r.ns()).resource(copy).update();
    }

    private void syncDeploymentRevision(Rollout r, long revision) {
        Map<String, String> a = r.d.getMetadata().getAnnotations();
        String want = Long.toString(revision);
        if (a != null && want.equals(a.get(DeploymentReplicaSets.REVISION))) {
            return;
        }
        r.d = client.apps().deployments().inNamespace(r.ns()).withName(r.d.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"" + DeploymentReplicaSets.REVISION + "\":\"" + want + "\"}}}");
    }

    private static void copyDeploymentAnnotations(Deployment d, Map<String, String> into) {
        if (d.getMetadata().getAnnotations() != null) {
            d.getMetadata().getAnnotations().forEach((k, v) -> {
                if (!NOT_COPIED.contains(k)) {
                    into.put(k, v);
                }
            });
        }
    }

    private static int minReadySeconds(Deployment d) {
        return d.getSpec().getMinReadySeconds() == null ? 0 : d.getSpec().getMinReadySeconds();
    }

    /** Creates {@code <deployment>-<hash>} with {@code replicas}; a name taken by another template bumps collisionCount. */
    @Override
    public void createNewReplicaSet(Rollout r, int replicas) {
        Deployment d = r.d;
        Integer collisions = d.getStatus() == null ? null : d.getStatus().getCollisionCount();
        String hash = PodTemplateHash.of(d.getSpec().getTemplate(), collisions);
        PodTemplateSpec template = client.getKubernetesSerialization().clone(d.getSpec().getTemplate());
        Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels() == null ? Map.of()
                : template.getMetadata().getLabels());
        labels.put(PodTemplateHash.LABEL, hash);
        template.getMetadata().setLabels(labels);
        LabelSelector selector = client.getKubernetesSerialization().clone(d.getSpec().getSelector());
        Map<String, String> matchLabels = new HashMap<>(selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels());
        matchLabels.put(PodTemplateHash.LABEL, hash);
        selector.setMatchLabels(matchLabels);
        Map<String, String> annotations = new HashMap<>();
        copyDeploymentAnnotations(d, annotations);
        annotations.put(DeploymentReplicaSets.REVISION, Long.toString(nextRevision(r)));
        annotations.put(DeploymentReplicaSets.DESIRED_REPLICAS, Integer.toString(r.replicas()));
        annotations.put(DeploymentReplicaSets.MAX_REPLICAS, Integer.toString(maxReplicas(d)));
        ReplicaSet rs = new ReplicaSetBuilder()
                .withNewMetadata().withName(d.getMetadata().getName() + "-" + hash).withNamespace(r.ns())
                .withLabels(labels).withAnnotations(annotations)
                .withOwnerReferences(ControllerRefs.controllerRef(d, "apps/v1", "Deployment")).endMetadata()
                .withNewSpec().withReplicas(replicas).withMinReadySeconds(minReadySeconds(d))
                .withSelector(selector).withTemplate(template).endSpec()
                .build();
        try {
            r.newRS = client.apps().replicaSets().inNamespace(r.ns()).resource(rs).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            ReplicaSet existing = client.apps().replicaSets().inNamespace(r.ns()).withName(rs.getMetadata().getName()).get();
            if (existing != null && ControllerRefs.isControlledBy(existing, d)
                    && PodTemplateHash.equalIgnoringHash(existing.getSpec().getTemplate(), d.getSpec().getTemplate())) {
                r.newRS = existing; // our own creation, not yet in the cache
                return;
            }
            DeploymentStatus status = client.getKubernetesSerialization().clone(d.getStatus() == null ? new DeploymentStatus() : d.getStatus());
            status.setCollisionCount(collisions == null ? 1 : collisions + 1);
            Deployment copy = client.getKubernetesSerialization().clone(d);
            copy.setStatus(status);
            client.resource(copy).updateStatus();
            throw new IllegalStateException("hash collision on ReplicaSet " + rs.getMetadata().getName() + "; collisionCount now "
                    + status.getCollisionCount());
        }
        r.createdRS = r.newRS;
        syncDeploymentRevision(r, DeploymentReplicaSets.revision(r.newRS));
        log.info("Deployment {}: created ReplicaSet {} with {} replicas", Keys.of(d), r.newRS.getMetadata().getName(), replicas);
        events.normal(d, "ScalingReplicaSet", "Scaled up replica set " + r.newRS.getMetadata().getName() + " from 0 to " + replicas);
    }

    private static int maxReplicas(Deployment d) {
        int surge = DeploymentStatusCalculator.isRolling(d) ? RollingParameters.of(d).maxSurge() : 0;
        return RollingParameters.replicas(d) + surge;
    }

    /** Sets a ReplicaSet's replicas (and the desired/max annotations); returns the stored set. */
    @Override
    public ReplicaSet scale(Rollout r, ReplicaSet rs, int replicas) {
        int from = DeploymentReplicaSets.specReplicas(rs);
        Map<String, String> annotations = new HashMap<>(rs.getMetadata().getAnnotations() == null ? Map.of()
                : rs.getMetadata().getAnnotations());
        annotations.put(DeploymentReplicaSets.DESIRED_REPLICAS, Integer.toString(r.replicas()));
        annotations.put(DeploymentReplicaSets.MAX_REPLICAS, Integer.toString(maxReplicas(r.d)));
        if (from == replicas && annotations.equals(rs.getMetadata().getAnnotations())) {
            return rs;
        }
        ReplicaSet copy = client.getKubernetesSerialization().clone(rs);
        copy.getSpec().setReplicas(replicas);
        copy.getMetadata().setAnnotations(annotations);
        ReplicaSet stored = client.apps().replicaSets().inNamespace(r.ns()).resource(copy).update();
        if (from == replicas) {
            return stored; // only the desired/max annotations changed
        }
        String verb = replicas > from ? "up" : "down";
        log.info("Deployment {}: scaled {} ReplicaSet {} from {} to {}", Keys.of(r.d), verb, rs.getMetadata().getName(), from, replicas);
        events.normal(r.d, "ScalingReplicaSet", "Scaled " + verb + " replica set " + rs.getMetadata().getName()
                + " from " + from + " to " + replicas);
        return stored;
    }

    // --- history and status --------------------------------------------------------------

    /** Deletes the oldest empty old sets beyond {@code revisionHistoryLimit} (default 10). */
    @Override
    public void cleanupOldReplicaSets(Rollout r) {
        int limit = r.d.getSpec().getRevisionHistoryLimit() == null ? 10 : r.d.getSpec().getRevisionHistoryLimit();
        List<ReplicaSet> empty = r.old.stream()
                .filter(rs -> DeploymentReplicaSets.specReplicas(rs) == 0 && DeploymentReplicaSets.statusReplicas(rs) == 0
                        && rs.getMetadata().getDeletionTimestamp() == null)
                .sorted(Comparator.comparingLong(DeploymentReplicaSets::revision).thenComparing(DeploymentReplicaSets.BY_CREATION))
                .toList();
        for (int i = 0; i < empty.size() - limit; i++) {
            ReplicaSet rs = empty.get(i);
            log.info("Deployment {}: deleting old ReplicaSet {} (revision {})", Keys.of(r.d), rs.getMetadata().getName(),
                    DeploymentReplicaSets.revision(rs));
            try {
                client.apps().replicaSets().inNamespace(r.ns()).withName(rs.getMetadata().getName()).delete();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
        }
    }

    private Result writeStatus(Rollout r) {
        var outcome = DeploymentStatusCalculator.calculate(r.d, r.all(), r.newRS, r.createdRS, Instant.now());
        if (!outcome.status().equals(r.d.getStatus())) {
            Deployment copy = client.getKubernetesSerialization().clone(r.d);
            copy.setStatus(outcome.status());
            client.resource(copy).updateStatus();
        }
        return outcome.recheckIn().map(Result::requeueAfter).orElse(Result.done());
    }

    @Override
    public void close() {
        controller.close();
    }
}
