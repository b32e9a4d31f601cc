package io.skiff.api;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;

import java.util.List;
import java.util.Optional;

/** The built-in resources Skiff serves, in discovery order. */
public final class ResourceTypes {
    private static final List<String> ALL = List.of("all");
    private static final List<String> NONE = List.of();

    public static final ResourceType NAMESPACES = new ResourceType("", "v1", "Namespace", "namespaces", "namespace",
            false, List.of("ns"), NONE, List.of("status", "finalize"), Namespace.class);
    public static final ResourceType PODS = new ResourceType("", "v1", "Pod", "pods", "pod",
            true, List.of("po"), ALL, List.of("status", "binding", "log", "exec", "attach", "portforward", "proxy", "eviction"), Pod.class);
    public static final ResourceType SERVICES = new ResourceType("", "v1", "Service", "services", "service",
            true, List.of("svc"), ALL, List.of("status", "proxy"), Service.class);
    public static final ResourceType ENDPOINTS = new ResourceType("", "v1", "Endpoints", "endpoints", "endpoints",
            true, List.of("ep"), NONE, NONE, Endpoints.class);
    public static final ResourceType NODES = new ResourceType("", "v1", "Node", "nodes", "node",
            false, List.of("no"), NONE, List.of("status", "proxy"), Node.class);
    public static final ResourceType EVENTS = new ResourceType("", "v1", "Event", "events", "event",
            true, List.of("ev"), NONE, NONE, Event.class);
    public static final ResourceType CONFIGMAPS = new ResourceType("", "v1", "ConfigMap", "configmaps", "configmap",
            true, List.of("cm"), NONE, NONE, ConfigMap.class);
    public static final ResourceType SECRETS = new ResourceType("", "v1", "Secret", "secrets", "secret",
            true, NONE, NONE, NONE, Secret.class);
    public static final ResourceType SERVICE_ACCOUNTS = new ResourceType("", "v1", "ServiceAccount", "serviceaccounts", "serviceaccount",
            true, List.of("sa"), NONE, List.of("token"), ServiceAccount.class);
    public static final ResourceType REPLICATION_CONTROLLERS = new ResourceType("", "v1", "ReplicationController", "replicationcontrollers", "replicationcontroller",
            true, List.of("rc"), ALL, List.of("status", "scale"), ReplicationController.class);
    public static final ResourceType DEPLOYMENTS = new ResourceType("apps", "v1", "Deployment", "deployments", "deployment",
            true, List.of("deploy"), ALL, List.of("status", "scale"), Deployment.class);
    public static final ResourceType REPLICA_SETS = new ResourceType("apps", "v1", "ReplicaSet", "replicasets", "replicaset",
            true, List.of("rs"), ALL, List.of("status", "scale"), ReplicaSet.class);
    public static final ResourceType LEASES = new ResourceType("coordination.k8s.io", "v1", "Lease", "leases", "lease",
            true, NONE, NONE, NONE, Lease.class);
    public static final ResourceType ENDPOINT_SLICES = new ResourceType("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", "endpointslice",
            true, NONE, NONE, NONE, EndpointSlice.class);
    public static final ResourceType EVENTS_V1 = new ResourceType("events.k8s.io", "v1", "Event", "events", "event",
            true, List.of("ev"), NONE, NONE, io.fabric8.kubernetes.api.model.events.v1.Event.class);

    private static final String RBAC = "rbac.authorization.k8s.io";
    public static final ResourceType ROLES = new ResourceType(RBAC, "v1", "Role", "roles", "role",
            true, NONE, NONE, NONE, io.fabric8.kubernetes.api.model.rbac.Role.class);
    public static final ResourceType CLUSTER_ROLES = new ResourceType(RBAC, "v1", "ClusterRole", "clusterroles", "clusterrole",
            false, NONE, NONE, NONE, io.fabric8.kubernetes.api.model.rbac.ClusterRole.class);
    public static final ResourceType ROLE_BINDINGS = new ResourceType(RBAC, "v1", "RoleBinding", "rolebindings", "rolebinding",
            true, NONE, NONE, NONE, io.fabric8.kubernetes.api.model.rbac.RoleBinding.class);
    public static final ResourceType CLUSTER_ROLE_BINDINGS = new ResourceType(RBAC, "v1", "ClusterRoleBinding", "clusterrolebindings",
            "clusterrolebinding", false, NONE, NONE, NONE, io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class);

    /** Every served resource. Core events and events.k8s.io events share one store prefix in Kubernetes; here each has its own. */
    public static final List<ResourceType> ALL_TYPES = List.of(
            NAMESPACES, PODS, SERVICES, ENDPOINTS, NODES, EVENTS, CONFIGMAPS, SECRETS, SERVICE_ACCOUNTS,
            REPLICATION_CONTROLLERS, DEPLOYMENTS, REPLICA_SETS, LEASES, ENDPOINT_SLICES, EVENTS_V1,
            ROLES, CLUSTER_ROLES, ROLE_BINDINGS, CLUSTER_ROLE_BINDINGS);

    private ResourceTypes() {
    }

    public static Optional<ResourceType> byPlural(String group, String plural) {
        return ALL_TYPES.stream().filter(t -> t.group().equals(group) && t.plural().equals(plural)).findFirst();
    }

    public static Optional<ResourceType> byKind(String group, String kind) {
        return ALL_TYPES.stream().filter(t -> t.group().equals(group) && t.kind().equals(kind)).findFirst();
    }
}
