package io.skiff.api.patch;

import io.skiff.api.ResourceType;

import java.util.Map;

/**
 * The strategic-merge schema of the served kinds. The facts are the {@code patchStrategy} and
 * {@code patchMergeKey} struct tags of Kubernetes 1.32's {@code k8s.io/api} types; only the
 * paths that lead to a field with a non-default strategy are described.
 */
public final class PatchMetas {
    public static final PatchMeta OBJECT_META = PatchMeta.builder()
            .primitiveMergeList("finalizers")
            .mergeList("ownerReferences", "uid")
            .build();

    /** Container and EphemeralContainer. */
    public static final PatchMeta CONTAINER = PatchMeta.builder()
            .mergeList("ports", "containerPort")
            .mergeList("env", "name")
            .mergeList("volumeMounts", "mountPath")
            .mergeList("volumeDevices", "devicePath")
            .build();

    public static final PatchMeta POD_SPEC = PatchMeta.builder()
            .mergeList("containers", "name", CONTAINER)
            .mergeList("initContainers", "name", CONTAINER)
            .mergeList("ephemeralContainers", "name", CONTAINER)
            .mergeList("volumes", "name")
            .mergeList("imagePullSecrets", "name")
            .mergeList("hostAliases", "ip")
            .mergeList("topologySpreadConstraints", "topologyKey")
            .mergeList("resourceClaims", "name")
            .mergeList("schedulingGates", "name")
            .build();

    /** Pod, Node, Namespace, Service, Deployment, ReplicaSet and ReplicationController status all merge conditions by type. */
    public static final PatchMeta CONDITIONS_STATUS = PatchMeta.builder()
            .mergeList("conditions", "type")
            .build();

    public static final PatchMeta POD_STATUS = PatchMeta.builder()
            .mergeList("conditions", "type")
            .mergeList("podIPs", "ip")
            .mergeList("hostIPs", "ip")
            .mergeList("resourceClaimStatuses", "name")
            .build();

    public static final PatchMeta POD_TEMPLATE_SPEC = PatchMeta.builder()
            .object("metadata", OBJECT_META)
            .object("spec", POD_SPEC)
            .build();

    /** DeploymentSpec, ReplicaSetSpec and ReplicationControllerSpec share the template path. */
    public static final PatchMeta WORKLOAD_SPEC = PatchMeta.builder()
            .object("template", POD_TEMPLATE_SPEC)
            .build();

    public static final PatchMeta POD = root(POD_SPEC, POD_STATUS);
    public static final PatchMeta WORKLOAD = root(WORKLOAD_SPEC, CONDITIONS_STATUS);
    public static final PatchMeta SERVICE = root(
            PatchMeta.builder().mergeList("ports", "port").build(), CONDITIONS_STATUS);
    public static final PatchMeta NODE = root(
            PatchMeta.builder().primitiveMergeList("podCIDRs").build(),
            PatchMeta.builder().mergeList("conditions", "type").mergeList("addresses", "type").build());
    public static final PatchMeta NAMESPACE = root(PatchMeta.EMPTY, CONDITIONS_STATUS);
    public static final PatchMeta SERVICE_ACCOUNT = PatchMeta.builder()
            .object("metadata", OBJECT_META)
            .mergeList("secrets", "name")
            .build();
    /** ConfigMap, Secret, Endpoints, Event, Lease, EndpointSlice, Scale: only metadata has merge lists. */
    public static final PatchMeta METADATA_ONLY = PatchMeta.builder()
            .object("metadata", OBJECT_META)
            .build();

    private static final Map<String, PatchMeta> BY_KIND = Map.ofEntries(
            Map.entry("Pod", POD),
            Map.entry("Service", SERVICE),
            Map.entry("Node", NODE),
            Map.entry("Namespace", NAMESPACE),
            Map.entry("ServiceAccount", SERVICE_ACCOUNT),
            Map.entry("ReplicationController", WORKLOAD),
            Map.entry("Deployment.apps", WORKLOAD),
            Map.entry("ReplicaSet.apps", WORKLOAD));

    private PatchMetas() {
    }

    /** The schema of {@code type}; kinds without merge lists outside metadata get {@link #METADATA_ONLY}. */
    public static PatchMeta of(ResourceType type) {
        String key = type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group();
        return BY_KIND.getOrDefault(key, METADATA_ONLY);
    }

    private static PatchMeta root(PatchMeta spec, PatchMeta status) {
        return PatchMeta.builder()
                .object("metadata", OBJECT_META)
                .object("spec", spec)
                .object("status", status)
                .build();
    }
}
