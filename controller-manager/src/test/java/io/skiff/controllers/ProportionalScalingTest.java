package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProportionalScalingTest {
    private static Deployment deployment(int replicas, int surge) {
        return new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(replicas).withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString(surge)).withMaxUnavailable(new IntOrString(0)).endRollingUpdate().endStrategy()
                .endSpec().build();
    }

    private static ReplicaSet rs(String name, String created, int spec, int desired, int max) {
        return new ReplicaSetBuilder().withNewMetadata().withName(name).withCreationTimestamp(created)
                .addToAnnotations(DeploymentReplicaSets.DESIRED_REPLICAS, Integer.toString(desired))
                .addToAnnotations(DeploymentReplicaSets.MAX_REPLICAS, Integer.toString(max)).endMetadata()
                .withNewSpec().withReplicas(spec).endSpec().build();
    }

    @Test
    void aChangeOfReplicasIsAScalingEventForActiveSetsOnly() {
        List<ReplicaSet> sets = List.of(rs("old", "2026-01-01T00:00:00Z", 4, 4, 5), rs("gone", "2025-01-01T00:00:00Z", 0, 2, 3));
        assertFalse(ProportionalScaling.isScalingEvent(deployment(4, 1), sets));
        assertTrue(ProportionalScaling.isScalingEvent(deployment(8, 1), sets));
    }

    @Test
    void growthAndShrinkageAreSharedInProportion() {
        ReplicaSet old = rs("old", "2026-01-01T00:00:00Z", 4, 4, 5);
        ReplicaSet fresh = rs("new", "2026-01-02T00:00:00Z", 1, 4, 5);
        assertEquals(Map.of("old", 7, "new", 2), ProportionalScaling.targets(deployment(8, 1), List.of(old, fresh)));
        // 10 + 0 surge from 15: old 12 -> 8, new 3 -> 2
        ReplicaSet bigOld = rs("old", "2026-01-01T00:00:00Z", 12, 15, 15);
        ReplicaSet bigNew = rs("new", "2026-01-02T00:00:00Z", 3, 15, 15);
        assertEquals(Map.of("old", 8, "new", 2), ProportionalScaling.targets(deployment(10, 0), List.of(bigOld, bigNew)));
        // scaling to zero empties every set
        assertEquals(Map.of("old", 0, "new", 0), ProportionalScaling.targets(deployment(0, 1), List.of(old, fresh)));
    }
}
