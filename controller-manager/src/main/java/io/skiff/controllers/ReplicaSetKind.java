package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.skiff.api.selector.LabelSelector;

/** apps/v1 ReplicaSet: a label-selector selector. */
final class ReplicaSetKind implements ReplicatedKind<ReplicaSet> {
    @Override
    public String kind() {
        return "ReplicaSet";
    }

    @Override
    public String apiVersion() {
        return "apps/v1";
    }

    @Override
    public Class<ReplicaSet> type() {
        return ReplicaSet.class;
    }

    @Override
    public LabelSelector selector(ReplicaSet rs) {
        return LabelSelector.from(rs.getSpec().getSelector());
    }

    @Override
    public int replicas(ReplicaSet rs) {
        return rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    }

    @Override
    public PodTemplateSpec template(ReplicaSet rs) {
        return rs.getSpec().getTemplate();
    }

    @Override
    public int minReadySeconds(ReplicaSet rs) {
        return rs.getSpec().getMinReadySeconds() == null ? 0 : rs.getSpec().getMinReadySeconds();
    }

    @Override
    public ReplicaStatus status(ReplicaSet rs) {
        ReplicaSetStatus s = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
        return new ReplicaStatus(n(s.getReplicas()), n(s.getFullyLabeledReplicas()), n(s.getReadyReplicas()),
                n(s.getAvailableReplicas()), s.getObservedGeneration() == null ? 0 : s.getObservedGeneration());
    }

    @Override
    public void setStatus(ReplicaSet copy, ReplicaStatus st) {
        ReplicaSetStatus s = copy.getStatus() == null ? new ReplicaSetStatus() : copy.getStatus();
        s.setReplicas(st.replicas());
        s.setFullyLabeledReplicas(st.fullyLabeledReplicas());
        s.setReadyReplicas(st.readyReplicas());
        s.setAvailableReplicas(st.availableReplicas());
        s.setObservedGeneration(st.observedGeneration());
        copy.setStatus(s);
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
