package io.skiff.api.defaults;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.skiff.api.ResourceType;

/**
 * Kubernetes' defaults for the served kinds, applied by the API server to every object it is
 * about to create or update, before validation. Only unset fields are filled, so applying the
 * defaults again changes nothing.
 */
public final class Defaults {
    private Defaults() {
    }

    /** Fills the unset fields of {@code obj}, which must be an instance of {@code type}'s model. */
    public static void apply(ResourceType type, HasMetadata obj) {
        if (!type.model().isInstance(obj)) {
            throw new IllegalArgumentException(type.kind() + " expects " + type.model().getName() + ", got "
                    + (obj == null ? "null" : obj.getClass().getName()));
        }
        if (obj instanceof Pod pod) {
            PodDefaults.apply(pod);
        } else if (obj instanceof Service svc) {
            ServiceDefaults.apply(svc);
        } else if (obj instanceof Deployment d) {
            WorkloadDefaults.apply(d);
        } else if (obj instanceof ReplicaSet rs) {
            WorkloadDefaults.apply(rs);
        } else if (obj instanceof ReplicationController rc) {
            WorkloadDefaults.apply(rc);
        } else if (obj instanceof Namespace ns) {
            NamespaceDefaults.apply(ns);
        } else if (obj instanceof Secret secret) {
            SecretDefaults.apply(secret);
        } else if (obj instanceof Node node) {
            NodeDefaults.apply(node);
        } else if (obj instanceof Endpoints ep) {
            EndpointsDefaults.apply(ep);
        } else if (obj instanceof EndpointSlice slice) {
            EndpointsDefaults.apply(slice);
        }
        // ConfigMaps, ServiceAccounts, Events and Leases have no defaults in Kubernetes.
    }
}
