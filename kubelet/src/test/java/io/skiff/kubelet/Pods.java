package io.skiff.kubelet;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/** Small readers of pod status for assertions. */
final class Pods {
    private Pods() {
    }

    static String phase(Pod p) {
        return p.getStatus() == null ? null : p.getStatus().getPhase();
    }

    static boolean condition(Pod p, String type) {
        if (p.getStatus() == null || p.getStatus().getConditions() == null) {
            return false;
        }
        for (PodCondition c : p.getStatus().getConditions()) {
            if (c.getType().equals(type)) {
                return "True".equals(c.getStatus());
            }
        }
        return false;
    }

    static ContainerStatus container(Pod p, String name) {
        if (p.getStatus() == null || p.getStatus().getContainerStatuses() == null) {
            return null;
        }
        return p.getStatus().getContainerStatuses().stream().filter(s -> s.getName().equals(name)).findFirst().orElse(null);
    }

    static String waitingReason(Pod p, String name) {
        ContainerStatus s = container(p, name);
        return s == null || s.getState().getWaiting() == null ? null : s.getState().getWaiting().getReason();
    }

    static int restarts(Pod p, String name) {
        ContainerStatus s = container(p, name);
        return s == null ? -1 : s.getRestartCount();
    }

    static boolean running(Pod p, String name) {
        ContainerStatus s = container(p, name);
        return s != null && s.getState().getRunning() != null;
    }
}
