package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.time.Instant;
import java.util.Optional;

/** Facts about pods that several controllers need. */
final class Pods {
    private Pods() {
    }

    /** Not finished and not being deleted: it counts towards a workload's replicas. */
    static boolean isActive(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return !"Succeeded".equals(phase) && !"Failed".equals(phase) && pod.getMetadata().getDeletionTimestamp() == null;
    }

    static boolean isReady(Pod pod) {
        return readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    /** Ready for at least {@code minReadySeconds} at {@code now}. */
    static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!isReady(pod)) {
            return false;
        }
        if (minReadySeconds <= 0) {
            return true;
        }
        return readySince(pod).map(t -> !t.plusSeconds(minReadySeconds).isAfter(now)).orElse(false);
    }

    static Optional<Instant> readySince(Pod pod) {
        return readyCondition(pod).map(PodCondition::getLastTransitionTime).filter(t -> t != null && !t.isEmpty())
                .map(Instant::parse);
    }

    static boolean isScheduled(Pod pod) {
        return pod.getSpec() != null && pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
    }

    static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
    }

    static int restarts(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return 0;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).max().orElse(0);
    }

    private static Optional<PodCondition> readyCondition(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
    }
}
