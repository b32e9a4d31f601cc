package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * A rolling update's bounds in pods: {@code maxSurge} rounds percentages up, {@code maxUnavailable}
 * down, both default to 25%, and if both come to zero one pod may be unavailable (else the
 * rollout could never move).
 */
record RollingParameters(int maxSurge, int maxUnavailable) {

    static RollingParameters of(Deployment d) {
        int replicas = replicas(d);
        RollingUpdateDeployment ru = d.getSpec().getStrategy() == null ? null : d.getSpec().getStrategy().getRollingUpdate();
        IntOrString surge = ru == null || ru.getMaxSurge() == null ? new IntOrString("25%") : ru.getMaxSurge();
        IntOrString unavailable = ru == null || ru.getMaxUnavailable() == null ? new IntOrString("25%") : ru.getMaxUnavailable();
        int s = resolve(surge, replicas, true);
        int u = resolve(unavailable, replicas, false);
        if (s == 0 && u == 0) {
            u = 1;
        }
        return new RollingParameters(s, Math.min(u, replicas));
    }

    static int replicas(Deployment d) {
        return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    }

    static int resolve(IntOrString v, int total, boolean roundUp) {
        if (v.getIntVal() != null) {
            return v.getIntVal();
        }
        String s = v.getStrVal();
        if (s == null || !s.endsWith("%")) {
            throw new IllegalArgumentException("invalid value for IntOrString: " + s);
        }
        int pct = Integer.parseInt(s.substring(0, s.length() - 1));
        long scaled = (long) pct * total;
        return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
    }
}
