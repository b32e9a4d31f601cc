package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.skiff.controllers.TestCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Deployment, ReplicaSet and garbage collector controllers against a real API server, with a hollow kubelet. */
class DeploymentIT extends ControllersITBase {

    private Deployment create(String ns, String name, int replicas, String image, int maxSurge, int maxUnavailable) {
        return cluster.client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString(maxSurge)).withMaxUnavailable(new IntOrString(maxUnavailable))
                .endRollingUpdate().endStrategy()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
    }

    private List<Pod> pods(String ns, String app) {
        return cluster.client.pods().inNamespace(ns).withLabel("app", app).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private List<ReplicaSet> replicaSets(String ns, String app) {
        return cluster.client.apps().replicaSets().inNamespace(ns).withLabel("app", app).list().getItems();
    }

    private Deployment get(String ns, String name) {
        return cluster.client.apps().deployments().inNamespace(ns).withName(name).get();
    }

    /** What {@code kubectl rollout status} waits for. */
    private boolean rolledOut(String ns, String name) {
        Deployment d = get(ns, name);
        var s = d.getStatus();
        int want = d.getSpec().getReplicas();
        return s != null && s.getObservedGeneration() != null && s.getObservedGeneration() >= d.getMetadata().getGeneration()
                && s.getUpdatedReplicas() != null && s.getUpdatedReplicas() == want
                && s.getReplicas() != null && s.getReplicas() == want
                && s.getAvailableReplicas() != null && s.getAvailableReplicas() == want;
    }

    private static String condition(Deployment d, String type) {
        return d.getStatus().getConditions().stream().filter(c -> type.equals(c.getType()))
                .map(DeploymentCondition::getReason).findFirst().orElse(null);
    }

    @Test
    void aDeploymentOfFiveCreatesOneReplicaSetAndFivePods() {
        String ns = namespace("five");
        create(ns, "web", 5, "nginx:1", 1, 1);
        await("rollout complete", WAIT, () -> rolledOut(ns, "web"));
        List<ReplicaSet> sets = replicaSets(ns, "web");
        assertEquals(1, sets.size());
        ReplicaSet rs = sets.get(0);
        String hash = rs.getMetadata().getLabels().get("pod-template-hash");
        assertEquals("web-" + hash, rs.getMetadata().getName());
        assertEquals("1", rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"));
        Deployment d = get(ns, "web");
        assertEquals(d.getMetadata().getUid(), rs.getMetadata().getOwnerReferences().get(0).getUid());
        assertEquals("1", d.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"));
        assertEquals("MinimumReplicasAvailable", condition(d, "Available"));
        assertEquals("NewReplicaSetAvailable", condition(d, "Progressing"));
        List<Pod> pods = pods(ns, "web");
        assertEquals(5, pods.size());
        for (Pod p : pods) {
            assertEquals(hash, p.getMetadata().getLabels().get("pod-template-hash"));
            assertEquals(rs.getMetadata().getUid(), p.getMetadata().getOwnerReferences().get(0).getUid());
            assertTrue(p.getMetadata().getName().startsWith("web-" + hash + "-"));
        }
        assertEquals(5, rs.getStatus() == null ? 0 : cluster.client.apps().replicaSets().inNamespace(ns)
                .withName(rs.getMetadata().getName()).get().getStatus().getAvailableReplicas());
    }

    @Test
    void scalingUpAndDownFollowsReplicas() {
        String ns = namespace("scale");
        create(ns, "web", 2, "nginx:1", 1, 0);
        await("2 replicas", WAIT, () -> rolledOut(ns, "web"));
        TestCluster.retryOnConflict(() -> cluster.client.apps().deployments().inNamespace(ns).withName("web")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":7}}")); // as kubectl scale: no resourceVersion
        await("7 pods", WAIT, () -> rolledOut(ns, "web") && pods(ns, "web").size() == 7);
        TestCluster.retryOnConflict(() -> cluster.client.apps().deployments().inNamespace(ns).withName("web")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":1}}")); // as kubectl scale: no resourceVersion
        await("1 pod", WAIT, () -> rolledOut(ns, "web") && pods(ns, "web").size() == 1);
        assertEquals(1, replicaSets(ns, "web").size());
    }

    @Test
    void aNewTemplateRollsWithinMaxSurgeAndMaxUnavailable() throws Exception {
        String ns = namespace("roll");
        int replicas = 5;
        int maxSurge = 2;
        int maxUnavailable = 1;
        create(ns, "web", replicas, "nginx:1", maxSurge, maxUnavailable);
        await("first rollout", WAIT, () -> rolledOut(ns, "web"));
        kubelet.readyAfter(Duration.ofMillis(150)); // slow enough for the rollout to interleave

        Map<String, Pod> seen = new ConcurrentHashMap<>();
        for (Pod p : pods(ns, "web")) {
            seen.put(p.getMetadata().getName(), p);
        }
        List<String> violations = new CopyOnWriteArrayList<>();
        int[] maxSeen = {0};
        int[] minReady = {Integer.MAX_VALUE};
        Watch watch = cluster.client.pods().inNamespace(ns).withLabel("app", "web").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                if (action == Action.DELETED || pod.getMetadata().getDeletionTimestamp() != null) {
                    seen.remove(pod.getMetadata().getName());
                } else {
                    seen.put(pod.getMetadata().getName(), pod);
                }
                int total = seen.size();
                int ready = (int) seen.values().stream().filter(Pods::isReady).count();
                maxSeen[0] = Math.max(maxSeen[0], total);
                minReady[0] = Math.min(minReady[0], ready);
                if (total > replicas + maxSurge) {
                    violations.add(action + " " + pod.getMetadata().getName() + ": " + total + " pods");
                }
                if (ready < replicas - maxUnavailable) {
                    violations.add(action + " " + pod.getMetadata().getName() + ": only " + ready + " ready");
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
        try {
            TestCluster.retryOnConflict(() -> cluster.client.apps().deployments().inNamespace(ns).withName("web").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:2");
                return d;
            }));
            await("second rollout", WAIT, () -> rolledOut(ns, "web")
                    && pods(ns, "web").stream().allMatch(p -> "nginx:2".equals(p.getSpec().getContainers().get(0).getImage()))
                    && pods(ns, "web").size() == replicas);
        } finally {
            watch.close();
            kubelet.readyAfter(Duration.ofMillis(30));
        }
        assertEquals(List.of(), violations);
        assertTrue(maxSeen[0] > replicas, "the rollout surged (saw at most " + maxSeen[0] + " pods)");
        List<ReplicaSet> sets = replicaSets(ns, "web");
        assertEquals(2, sets.size());
        ReplicaSet old = sets.stream().filter(rs -> rs.getSpec().getReplicas() == 0).findFirst().orElseThrow();
        ReplicaSet current = sets.stream().filter(rs -> rs.getSpec().getReplicas() == replicas).findFirst().orElseThrow();
        assertEquals("1", old.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"));
        assertEquals("2", current.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"));
        assertEquals("2", get(ns, "web").getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"));
        assertNotEquals(old.getMetadata().getName(), current.getMetadata().getName());

        // rollout undo, as kubectl does it: the old template back; its set becomes revision 3
        var oldTemplate = PodTemplateHash.withoutHash(old.getSpec().getTemplate());
        TestCluster.retryOnConflict(() -> cluster.client.apps().deployments().inNamespace(ns).withName("web").edit(d -> {
            d.getSpec().setTemplate(oldTemplate);
            return d;
        }));
        await("undo rolled out", WAIT, () -> rolledOut(ns, "web")
                && pods(ns, "web").stream().allMatch(p -> "nginx:1".equals(p.getSpec().getContainers().get(0).getImage())));
        ReplicaSet restored = cluster.client.apps().replicaSets().inNamespace(ns).withName(old.getMetadata().getName()).get();
        assertEquals("3", restored.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"));
        assertEquals("1", restored.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision-history"));
        assertEquals(2, replicaSets(ns, "web").size());
    }

    @Test
    void recreateStopsEveryOldPodBeforeStartingNewOnes() {
        String ns = namespace("recreate");
        cluster.client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withNewMetadata().withName("db").endMetadata()
                .withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", "db").endSelector()
                .withNewStrategy().withType("Recreate").endStrategy()
                .withNewTemplate().withNewMetadata().addToLabels("app", "db").endMetadata()
                .withNewSpec().addNewContainer().withName("db").withImage("redis:1").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        await("first rollout", WAIT, () -> rolledOut(ns, "db"));
        List<String> mixed = new CopyOnWriteArrayList<>();
        Watch watch = cluster.client.pods().inNamespace(ns).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                if (action == Action.ADDED && "redis:2".equals(pod.getSpec().getContainers().get(0).getImage())) {
                    long oldLeft = pods(ns, "db").stream()
                            .filter(p -> "redis:1".equals(p.getSpec().getContainers().get(0).getImage())).count();
                    if (oldLeft > 0) {
                        mixed.add(pod.getMetadata().getName() + " created with " + oldLeft + " old pods left");
                    }
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
        try {
            TestCluster.retryOnConflict(() -> cluster.client.apps().deployments().inNamespace(ns).withName("db").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("redis:2");
                return d;
            }));
            await("second rollout", WAIT, () -> rolledOut(ns, "db") && pods(ns, "db").size() == 3
                    && pods(ns, "db").stream().allMatch(p -> "redis:2".equals(p.getSpec().getContainers().get(0).getImage())));
        } finally {
            watch.close();
        }
        assertEquals(List.of(), mixed);
    }

    @Test
    void pausedDeploymentsDoNotRollOutUntilResumed() {
        String ns = namespace("paused");
        create(ns, "web", 2, "nginx:1", 1, 0);
        await("first rollout", WAIT, () -> rolledOut(ns, "web"));
        TestCluster.retryOnConflict(() -> cluster.client.apps().deployments().inNamespace(ns).withName("web").edit(d -> {
            d.getSpec().setPaused(true);
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:2");
            return d;
        }));
        await("paused condition", WAIT, () -> "DeploymentPaused".equals(condition(get(ns, "web"), "Progressing")));
        assertEquals(1, replicaSets(ns, "web").size());
        TestCluster.retryOnConflict(() -> cluster.client.apps().deployments().inNamespace(ns).withName("web").edit(d -> {
            d.getSpec().setPaused(false);
            return d;
        }));
        await("rolled out after resume", WAIT, () -> rolledOut(ns, "web") && replicaSets(ns, "web").size() == 2
                && pods(ns, "web").stream().allMatch(p -> "nginx:2".equals(p.getSpec().getContainers().get(0).getImage())));
    }

    @Test
    void deletingADeploymentRemovesItsReplicaSetsAndPods() {
        String ns = namespace("cascade");
        create(ns, "web", 3, "nginx:1", 1, 0);
        await("rollout", WAIT, () -> rolledOut(ns, "web"));
        cluster.client.apps().deployments().inNamespace(ns).withName("web")
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        await("replica sets and pods gone", WAIT, () -> replicaSets(ns, "web").isEmpty()
                && cluster.client.pods().inNamespace(ns).list().getItems().isEmpty());
    }

    @Test
    void foregroundDeletionRemovesDependentsBeforeTheOwner() {
        String ns = namespace("foreground");
        create(ns, "web", 2, "nginx:1", 1, 0);
        await("rollout", WAIT, () -> rolledOut(ns, "web"));
        cluster.client.apps().deployments().inNamespace(ns).withName("web")
                .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
        Deployment deleting = get(ns, "web");
        assertTrue(deleting == null || deleting.getMetadata().getFinalizers().contains("foregroundDeletion"));
        await("all gone", WAIT, () -> get(ns, "web") == null && replicaSets(ns, "web").isEmpty()
                && cluster.client.pods().inNamespace(ns).list().getItems().isEmpty());
    }

    @Test
    void orphanDeletionKeepsReplicaSetsAndPods() throws Exception {
        String ns = namespace("orphan");
        create(ns, "web", 3, "nginx:1", 1, 0);
        await("rollout", WAIT, () -> rolledOut(ns, "web"));
        cluster.client.apps().deployments().inNamespace(ns).withName("web")
                .withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
        await("deployment gone and its set orphaned", WAIT, () -> get(ns, "web") == null
                && replicaSets(ns, "web").size() == 1
                && replicaSets(ns, "web").get(0).getMetadata().getOwnerReferences().isEmpty());
        Thread.sleep(500); // give a wrong cascade the time to happen
        assertEquals(1, replicaSets(ns, "web").size());
        assertEquals(3, pods(ns, "web").size());
    }

    @Test
    void scalingMidRolloutSharesTheChangeInProportionAcrossReplicaSets() {
        String ns = namespace("proportional");
        create(ns, "web", 4, "nginx:1", 1, 0);
        await("first rollout", WAIT, () -> rolledOut(ns, "web"));
        kubelet.hold();
        try {
            TestCluster.retryOnConflict(() -> cluster.client.apps().deployments().inNamespace(ns).withName("web").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:2");
                return d;
            }));
            await("rollout stuck at one surge pod", WAIT, () -> replicaSets(ns, "web").size() == 2
                    && replicaSets(ns, "web").stream().mapToInt(rs -> rs.getSpec().getReplicas()).sum() == 5);
            TestCluster.retryOnConflict(() -> cluster.client.apps().deployments().inNamespace(ns).withName("web")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":8}}")); // as kubectl scale: no resourceVersion
            // 4 old + 1 new, sized for 5 pods, now for 9 (8 + maxSurge): old 4 * 9/5 -> 7, new 1 * 9/5 -> 2
            await("old 7, new 2", WAIT, () -> replicaSets(ns, "web").stream()
                    .map(rs -> rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage() + "=" + rs.getSpec().getReplicas())
                    .sorted().toList().equals(List.of("nginx:1=7", "nginx:2=2")));
        } finally {
            kubelet.release();
        }
        await("rolled out at 8", WAIT, () -> rolledOut(ns, "web") && pods(ns, "web").size() == 8
                && pods(ns, "web").stream().allMatch(p -> "nginx:2".equals(p.getSpec().getContainers().get(0).getImage())));
    }
}
