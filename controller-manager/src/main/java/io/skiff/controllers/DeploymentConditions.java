package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Optional;

/** Deployment conditions with Kubernetes' types, reasons and timestamp rules. */
final class DeploymentConditions {
    static final String AVAILABLE = "Available";
    static final String PROGRESSING = "Progressing";
    static final String MIN_AVAILABLE = "MinimumReplicasAvailable";
    static final String MIN_UNAVAILABLE = "MinimumReplicasUnavailable";
    static final String NEW_RS_CREATED = "NewReplicaSetCreated";
    static final String FOUND_NEW_RS = "FoundNewReplicaSet";
    static final String RS_UPDATED = "ReplicaSetUpdated";
    static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
    static final String TIMED_OUT = "ProgressDeadlineExceeded";
    static final String PAUSED = "DeploymentPaused";
    static final String RESUMED = "DeploymentResumed";

    private DeploymentConditions() {
    }

    static Optional<DeploymentCondition> get(DeploymentStatus status, String type) {
        if (status == null || status.getConditions() == null) {
            return Optional.empty();
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    static DeploymentCondition of(String type, String status, String reason, String message, Instant now) {
        String t = now.truncatedTo(ChronoUnit.SECONDS).toString();
        return new DeploymentCondition(t, t, message, reason, status, type);
    }

    /**
     * Sets a condition; one with the same status and reason is left as it is, and a change of
     * reason alone keeps the time of the last status transition.
     */
    static void set(DeploymentStatus status, DeploymentCondition c) {
        Optional<DeploymentCondition> current = get(status, c.getType());
        if (current.isPresent() && current.get().getStatus().equals(c.getStatus())
                && current.get().getReason().equals(c.getReason())) {
            return;
        }
        if (current.isPresent() && current.get().getStatus().equals(c.getStatus())) {
            c.setLastTransitionTime(current.get().getLastTransitionTime());
        }
        remove(status, c.getType());
        status.getConditions().add(c);
    }

    /** Replaces a condition outright (progress refreshes {@code lastUpdateTime}), keeping its transition time if the status holds. */
    static void refresh(DeploymentStatus status, DeploymentCondition c) {
        get(status, c.getType()).filter(cur -> cur.getStatus().equals(c.getStatus()))
                .ifPresent(cur -> c.setLastTransitionTime(cur.getLastTransitionTime()));
        remove(status, c.getType());
        status.getConditions().add(c);
    }

    static void remove(DeploymentStatus status, String type) {
        if (status.getConditions() == null) {
            status.setConditions(new ArrayList<>());
        }
        status.getConditions().removeIf(x -> type.equals(x.getType()));
    }
}
