package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure pieces of the Deployment controller: hashes, surge/unavailable bounds, status and conditions. */
class RolloutMathTest {
    private static PodTemplateSpec template(Map<String, String> labels, String image) {
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec().build();
    }

    @Test
    void theHashDependsOnTheTemplateAndCollisionCountButNotOnLabelOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        String h = PodTemplateHash.of(template(ab, "nginx:1"), null);
        assertEquals(h, PodTemplateHash.of(template(ba, "nginx:1"), null));
        assertNotEquals(h, PodTemplateHash.of(template(ab, "nginx:2"), null));
        assertNotEquals(h, PodTemplateHash.of(template(ab, "nginx:1"), 1));
        assertTrue(h.matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}"), h);
    }

    @Test
    void templatesAreEqualIgnoringTheHashLabel() {
        PodTemplateSpec plain = template(Map.of("app", "web"), "nginx");
        PodTemplateSpec hashed = template(Map.of("app", "web", "pod-template-hash", "abc"), "nginx");
        assertTrue(PodTemplateHash.equalIgnoringHash(plain, hashed));
        assertFalse(PodTemplateHash.equalIgnoringHash(plain, template(Map.of("app", "web"), "redis")));
        assertEquals(Map.of("app", "web"), PodTemplateHash.withoutHash(hashed).getMetadata().getLabels());
        assertEquals("abc", hashed.getMetadata().getLabels().get("pod-template-hash"), "the original is not modified");
    }

    private static Deployment deployment(int replicas, IntOrString surge, IntOrString unavailable) {
        return new DeploymentBuilder().withNewMetadata().withName("web").withGeneration(2L).endMetadata()
                .withNewSpec().withReplicas(replicas).withProgressDeadlineSeconds(600)
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate().withMaxSurge(surge)
                .withMaxUnavailable(unavailable).endRollingUpdate().endStrategy()
                .withTemplate(template(Map.of("app", "web"), "nginx")).endSpec().build();
    }

    @Test
    void surgeRoundsUpUnavailableRoundsDownAndBothZeroMeansOneUnavailable() {
        assertEquals(new RollingParameters(3, 2), RollingParameters.of(deployment(10, new IntOrString("25%"), new IntOrString("25%"))));
        assertEquals(new RollingParameters(1, 0), RollingParameters.of(deployment(1, new IntOrString("25%"), new IntOrString("25%"))));
        assertEquals(new RollingParameters(0, 1), RollingParameters.of(deployment(5, new IntOrString(0), new IntOrString(0))));
        assertEquals(new RollingParameters(2, 5), RollingParameters.of(deployment(5, new IntOrString(2), new IntOrString(9))));
    }

    private static ReplicaSet rs(String name, int spec, int status, int available) {
        return new ReplicaSetBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(spec).endSpec()
                .withNewStatus().withReplicas(status).withReadyReplicas(available).withAvailableReplicas(available).endStatus().build();
    }

    @Test
    void countsAreCautiousWhileStatusesLag() {
        // scaled from 5 to 3, status not caught up: 5 pods may still exist, only 3 count as available
        List<ReplicaSet> sets = List.of(rs("old", 3, 5, 5), rs("new", 2, 0, 0));
        assertEquals(7, DeploymentReplicaSets.podsUpperBound(sets));
        assertEquals(3, DeploymentReplicaSets.availableLowerBound(sets));
    }

    @Test
    void aFinishedRolloutIsCompleteAndAvailable() {
        Deployment d = deployment(3, new IntOrString(1), new IntOrString(0));
        ReplicaSet current = rs("web-new", 3, 3, 3);
        var outcome = DeploymentStatusCalculator.calculate(d, List.of(rs("web-old", 0, 0, 0), current), current, null, Instant.now());
        DeploymentStatus s = outcome.status();
        assertEquals(3, s.getReplicas());
        assertEquals(3, s.getUpdatedReplicas());
        assertEquals(0, s.getUnavailableReplicas());
        assertEquals(2L, s.getObservedGeneration());
        assertTrue(DeploymentStatusCalculator.isComplete(d, s));
        assertEquals("NewReplicaSetAvailable", DeploymentConditions.get(s, "Progressing").orElseThrow().getReason());
        assertEquals("ReplicaSet \"web-new\" has successfully progressed.", DeploymentConditions.get(s, "Progressing").orElseThrow().getMessage());
        assertEquals("MinimumReplicasAvailable", DeploymentConditions.get(s, "Available").orElseThrow().getReason());
    }

    @Test
    void aRolloutWithoutProgressPastItsDeadlineTimesOut() {
        Deployment d = deployment(3, new IntOrString(1), new IntOrString(0));
        ReplicaSet current = rs("web-new", 1, 0, 0); // created, no pod reported yet
        List<ReplicaSet> sets = List.of(rs("web-old", 3, 3, 3), current);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        // as left by the previous rollout: three old pods, all available
        d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(3).withUpdatedReplicas(0)
                .withReadyReplicas(3).withAvailableReplicas(3).build());
        var first = DeploymentStatusCalculator.calculate(d, sets, current, current, t0);
        assertEquals("NewReplicaSetCreated", DeploymentConditions.get(first.status(), "Progressing").orElseThrow().getReason());
        d.setStatus(first.status());
        var later = DeploymentStatusCalculator.calculate(d, sets, current, null, t0.plusSeconds(601));
        var progressing = DeploymentConditions.get(later.status(), "Progressing").orElseThrow();
        assertEquals("ProgressDeadlineExceeded", progressing.getReason());
        assertEquals("False", progressing.getStatus());
        assertEquals("ReplicaSet \"web-new\" has timed out progressing.", progressing.getMessage());
    }
}
