package io.skiff.api.defaults;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

import java.util.LinkedHashMap;
import java.util.Map;

/** Deployments, ReplicaSets and ReplicationControllers: one replica, and their pod templates' defaults. */
final class WorkloadDefaults {
    static final String ROLLING_UPDATE_PERCENT = "25%";
    static final int REVISION_HISTORY_LIMIT = 10;
    static final int PROGRESS_DEADLINE_SECONDS = 600;

    private WorkloadDefaults() {
    }

    static void apply(Deployment d) {
        if (d.getSpec() == null) {
            d.setSpec(new DeploymentSpec());
        }
        DeploymentSpec spec = d.getSpec();
        if (spec.getReplicas() == null) {
            spec.setReplicas(1);
        }
        if (spec.getStrategy() == null) {
            spec.setStrategy(new DeploymentStrategy());
        }
        DeploymentStrategy strategy = spec.getStrategy();
        if (ContainerDefaults.isEmpty(strategy.getType())) {
            strategy.setType("RollingUpdate");
        }
        if (strategy.getType().equals("RollingUpdate")) {
            if (strategy.getRollingUpdate() == null) {
                strategy.setRollingUpdate(new RollingUpdateDeployment());
            }
            if (strategy.getRollingUpdate().getMaxUnavailable() == null) {
                strategy.getRollingUpdate().setMaxUnavailable(new IntOrString(ROLLING_UPDATE_PERCENT));
            }
            if (strategy.getRollingUpdate().getMaxSurge() == null) {
                strategy.getRollingUpdate().setMaxSurge(new IntOrString(ROLLING_UPDATE_PERCENT));
            }
        }
        if (spec.getRevisionHistoryLimit() == null) {
            spec.setRevisionHistoryLimit(REVISION_HISTORY_LIMIT);
        }
        if (spec.getProgressDeadlineSeconds() == null) {
            spec.setProgressDeadlineSeconds(PROGRESS_DEADLINE_SECONDS);
        }
        spec.setTemplate(template(spec.getTemplate()));
    }

    static void apply(ReplicaSet rs) {
        if (rs.getSpec() == null) {
            rs.setSpec(new ReplicaSetSpec());
        }
        if (rs.getSpec().getReplicas() == null) {
            rs.getSpec().setReplicas(1);
        }
        rs.getSpec().setTemplate(template(rs.getSpec().getTemplate()));
    }

    /** A ReplicationController without selector or labels takes its template's labels for both. */
    static void apply(ReplicationController rc) {
        if (rc.getSpec() == null) {
            rc.setSpec(new ReplicationControllerSpec());
        }
        ReplicationControllerSpec spec = rc.getSpec();
        Map<String, String> labels = spec.getTemplate() == null || spec.getTemplate().getMetadata() == null
                ? null : spec.getTemplate().getMetadata().getLabels();
        if (labels != null && !labels.isEmpty()) {
            if (spec.getSelector() == null || spec.getSelector().isEmpty()) {
                spec.setSelector(new LinkedHashMap<>(labels));
            }
            if (rc.getMetadata() == null) {
                rc.setMetadata(new ObjectMeta());
            }
            if (rc.getMetadata().getLabels() == null || rc.getMetadata().getLabels().isEmpty()) {
                rc.getMetadata().setLabels(new LinkedHashMap<>(labels));
            }
        }
        if (spec.getReplicas() == null) {
            spec.setReplicas(1);
        }
        if (spec.getTemplate() != null) {
            PodSpecDefaults.applyTemplate(spec.getTemplate());
        }
    }

    private static PodTemplateSpec template(PodTemplateSpec template) {
        PodTemplateSpec t = template == null ? new PodTemplateSpec() : template;
        PodSpecDefaults.applyTemplate(t);
        return t;
    }
}
