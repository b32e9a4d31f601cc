package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.skiff.api.selector.LabelSelector;

/** v1 ReplicationController: a map selector, defaulting to the template's labels. */
final class ReplicationControllerKind implements ReplicatedKind<ReplicationController> {
    @Override
    public String kind() {
        return "ReplicationController";
    }

    @Override
    public String apiVersion() {
        return "v1";
    }

    @Override
    public Class<ReplicationController> type() {
        return ReplicationController.class;
    }

    @Override
    public LabelSelector selector(ReplicationController rc) {
        var selector = rc.getSpec().getSelector();
        if ((selector == null || selector.isEmpty()) && rc.getSpec().getTemplate() != null
                && rc.getSpec().getTemplate().getMetadata() != null) {
            selector = rc.getSpec().getTemplate().getMetadata().getLabels();
        }
        // an RC without any selector selects nothing rather than every pod of the namespace
        return selector == null || selector.isEmpty() ? LabelSelector.nothing() : LabelSelector.fromSet(selector);
    }

    @Override
    public int replicas(ReplicationController rc) {
        return rc.getSpec().getReplicas() == null ? 1 : rc.getSpec().getReplicas();
    }

    @Override
    public PodTemplateSpec template(ReplicationController rc) {
        return rc.getSpec().getTemplate();
    }

    @Override
    public int minReadySeconds(ReplicationController rc) {
        return rc.getSpec().getMinReadySeconds() == null ? 0 : rc.getSpec().getMinReadySeconds();
    }

    @Override
    public ReplicaStatus status(ReplicationController rc) {
        ReplicationControllerStatus s = rc.getStatus() == null ? new ReplicationControllerStatus() : rc.getStatus();
        return new ReplicaStatus(n(s.getReplicas()), n(s.getFullyLabeledReplicas()), n(s.getReadyReplicas()),
                n(s.getAvailableReplicas()), s.getObservedGeneration() == null ? 0 : s.getObservedGeneration());
    }

    @Override
    public void setStatus(ReplicationController copy, ReplicaStatus st) {
        ReplicationControllerStatus s = copy.getStatus() == null ? new ReplicationControllerStatus() : copy.getStatus();
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
