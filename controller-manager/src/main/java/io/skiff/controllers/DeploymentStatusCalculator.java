package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Deployment's status from its ReplicaSets: the counts {@code kubectl rollout status}
 * reads, the Available condition, and the Progressing condition with its deadline.
 */
final class DeploymentStatusCalculator {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private DeploymentStatusCalculator() {
    }

    /** The status and, while a progress deadline runs, when to look again. */
    record Outcome(DeploymentStatus status, Optional<Duration> recheckIn) {
    }

    static Outcome calculate(Deployment d, List<ReplicaSet> all, ReplicaSet newRS, ReplicaSet createdRS, Instant now) {
        DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        DeploymentStatus s = new DeploymentStatus();
        s.setConditions(old.getConditions() == null ? new ArrayList<>()
                : new ArrayList<>(old.getConditions().stream().map(SERIALIZATION::clone).toList()));
        s.setCollisionCount(old.getCollisionCount());
        s.setObservedGeneration(d.getMetadata().getGeneration());
        int replicas = all.stream().mapToInt(DeploymentReplicaSets::statusReplicas).sum();
        int available = all.stream().mapToInt(DeploymentReplicaSets::available).sum();
        s.setReplicas(replicas);
        s.setUpdatedReplicas(newRS == null ? 0 : DeploymentReplicaSets.statusReplicas(newRS));
        s.setReadyReplicas(all.stream().mapToInt(DeploymentReplicaSets::ready).sum());
        s.setAvailableReplicas(available);
        s.setUnavailableReplicas(Math.max(0, DeploymentReplicaSets.specSum(all) - available));

        int desired = RollingParameters.replicas(d);
        int maxUnavailable = isRolling(d) ? RollingParameters.of(d).maxUnavailable() : 0;
        if (available >= desired - maxUnavailable) {
            DeploymentConditions.set(s, DeploymentConditions.of(DeploymentConditions.AVAILABLE, "True",
                    DeploymentConditions.MIN_AVAILABLE, "Deployment has minimum availability.", now));
        } else {
            DeploymentConditions.set(s, DeploymentConditions.of(DeploymentConditions.AVAILABLE, "False",
                    DeploymentConditions.MIN_UNAVAILABLE, "Deployment does not have minimum availability.", now));
        }
        boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
        String reason = DeploymentConditions.get(s, DeploymentConditions.PROGRESSING).map(c -> c.getReason()).orElse("");
        if (paused && !reason.equals(DeploymentConditions.PAUSED)) {
            DeploymentConditions.set(s, DeploymentConditions.of(DeploymentConditions.PROGRESSING, "Unknown",
                    DeploymentConditions.PAUSED, "Deployment is paused", now));
        } else if (!paused && reason.equals(DeploymentConditions.PAUSED)) {
            DeploymentConditions.set(s, DeploymentConditions.of(DeploymentConditions.PROGRESSING, "Unknown",
                    DeploymentConditions.RESUMED, "Deployment is resumed", now));
        }
        if (createdRS != null && d.getSpec().getProgressDeadlineSeconds() != null) {
            DeploymentConditions.refresh(s, DeploymentConditions.of(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.NEW_RS_CREATED, "Created new replica set \"" + createdRS.getMetadata().getName() + "\"", now));
        }
        return new Outcome(s, progress(d, old, s, newRS, now));
    }

    static boolean isRolling(Deployment d) {
        return d.getSpec().getStrategy() == null || !"Recreate".equals(d.getSpec().getStrategy().getType());
    }

    /** Kubernetes' syncRolloutStatus: complete, progressing, or timed out. */
    private static Optional<Duration> progress(Deployment d, DeploymentStatus old, DeploymentStatus s, ReplicaSet newRS,
                                               Instant now) {
        Integer deadline = d.getSpec().getProgressDeadlineSeconds();
        if (deadline == null || Boolean.TRUE.equals(d.getSpec().getPaused())) {
            return Optional.empty();
        }
        Optional<DeploymentCondition> current = DeploymentConditions.get(s, DeploymentConditions.PROGRESSING);
        if (current.isPresent() && DeploymentConditions.NEW_RS_AVAILABLE.equals(current.get().getReason())
                && s.getReplicas().equals(s.getUpdatedReplicas())) {
            return Optional.empty(); // a finished rollout being resynced: no progress to estimate
        }
        String rsName = newRS == null ? "" : newRS.getMetadata().getName();
        if (isComplete(d, s)) {
            DeploymentConditions.set(s, DeploymentConditions.of(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.NEW_RS_AVAILABLE, "ReplicaSet \"" + rsName + "\" has successfully progressed.", now));
            return Optional.empty();
        }
        if (madeProgress(old, s)) {
            String msg = newRS == null ? "Deployment is progressing." : "ReplicaSet \"" + rsName + "\" is progressing.";
            DeploymentConditions.refresh(s, DeploymentConditions.of(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.RS_UPDATED, msg, now));
            return Optional.of(Duration.ofSeconds(deadline + 1L));
        }
        if (current.isEmpty() || DeploymentConditions.NEW_RS_AVAILABLE.equals(current.get().getReason())) {
            return Optional.empty();
        }
        if (DeploymentConditions.TIMED_OUT.equals(current.get().getReason())) {
            return Optional.empty(); // already reported; progress or completion will replace it
        }
        Instant lastUpdate = Instant.parse(current.get().getLastUpdateTime());
        Instant expires = lastUpdate.plusSeconds(deadline);
        if (!now.isBefore(expires)) {
            DeploymentConditions.set(s, DeploymentConditions.of(DeploymentConditions.PROGRESSING, "False",
                    DeploymentConditions.TIMED_OUT, "ReplicaSet \"" + rsName + "\" has timed out progressing.", now));
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, expires).plusSeconds(1));
    }

    /** Every replica updated and available, and nothing old left: what {@code kubectl rollout status} waits for. */
    static boolean isComplete(Deployment d, DeploymentStatus s) {
        int desired = RollingParameters.replicas(d);
        return s.getUpdatedReplicas() == desired && s.getReplicas() == desired && s.getAvailableReplicas() == desired
                && s.getObservedGeneration() != null && s.getObservedGeneration() >= d.getMetadata().getGeneration();
    }

    private static boolean madeProgress(DeploymentStatus old, DeploymentStatus s) {
        int oldOld = n(old.getReplicas()) - n(old.getUpdatedReplicas());
        int newOld = s.getReplicas() - s.getUpdatedReplicas();
        return s.getUpdatedReplicas() > n(old.getUpdatedReplicas()) || newOld < oldOld
                || s.getReadyReplicas() > n(old.getReadyReplicas()) || s.getAvailableReplicas() > n(old.getAvailableReplicas());
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
