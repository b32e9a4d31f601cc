package io.skiff.apiserver.openapi;

import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes' strategic-merge-patch metadata (the {@code patchStrategy}/{@code patchMergeKey} tags of its
 * Go types), which client-java's models do not carry. kubectl apply reads them from the OpenAPI v3
 * document to compute patches: without a merge key a list is replaced whole, and a container edited in
 * a manifest would drop the others.
 */
final class PatchStrategies {

    /** {@code mergeKey} is null for lists of scalars merged as sets (finalizers, podCIDRs). */
    record Strategy(String strategy, String mergeKey) {
    }

    private static final String CORE = "io.k8s.api.core.v1.";
    private static final String APPS = "io.k8s.api.apps.v1.";
    private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";

    private static final Map<String, Strategy> BY_PROPERTY = Map.ofEntries(
            Map.entry(CORE + "PodSpec.containers", merge("name")),
            Map.entry(CORE + "PodSpec.initContainers", merge("name")),
            Map.entry(CORE + "PodSpec.ephemeralContainers", merge("name")),
            Map.entry(CORE + "PodSpec.imagePullSecrets", merge("name")),
            Map.entry(CORE + "PodSpec.volumes", new Strategy("merge,retainKeys", "name")),
            Map.entry(CORE + "PodSpec.hostAliases", merge("ip")),
            Map.entry(CORE + "PodSpec.topologySpreadConstraints", merge("topologyKey")),
            Map.entry(CORE + "PodSpec.schedulingGates", merge("name")),
            Map.entry(CORE + "PodSpec.resourceClaims", new Strategy("merge,retainKeys", "name")),
            Map.entry(CORE + "Container.ports", merge("containerPort")),
            Map.entry(CORE + "Container.env", merge("name")),
            Map.entry(CORE + "Container.volumeMounts", merge("mountPath")),
            Map.entry(CORE + "Container.volumeDevices", merge("devicePath")),
            Map.entry(CORE + "EphemeralContainer.ports", merge("containerPort")),
            Map.entry(CORE + "EphemeralContainer.env", merge("name")),
            Map.entry(CORE + "EphemeralContainer.volumeMounts", merge("mountPath")),
            Map.entry(CORE + "EphemeralContainer.volumeDevices", merge("devicePath")),
            Map.entry(CORE + "PodStatus.conditions", merge("type")),
            Map.entry(CORE + "PodStatus.podIPs", merge("ip")),
            Map.entry(CORE + "PodStatus.hostIPs", merge("ip")),
            Map.entry(CORE + "ServiceSpec.ports", merge("port")),
            Map.entry(CORE + "ServiceStatus.conditions", merge("type")),
            Map.entry(CORE + "NodeSpec.podCIDRs", merge(null)),
            Map.entry(CORE + "NodeStatus.conditions", merge("type")),
            Map.entry(CORE + "NodeStatus.addresses", merge("type")),
            Map.entry(CORE + "NamespaceStatus.conditions", merge("type")),
            Map.entry(CORE + "ReplicationControllerStatus.conditions", merge("type")),
            Map.entry(CORE + "PersistentVolumeClaimStatus.conditions", merge("type")),
            Map.entry(CORE + "ServiceAccount.secrets", merge("name")),
            Map.entry(APPS + "DeploymentSpec.strategy", new Strategy("retainKeys", null)),
            Map.entry(APPS + "DeploymentStatus.conditions", merge("type")),
            Map.entry(APPS + "ReplicaSetStatus.conditions", merge("type")),
            Map.entry(META + "ObjectMeta.ownerReferences", merge("uid")),
            Map.entry(META + "ObjectMeta.finalizers", merge(null)));

    private PatchStrategies() {
    }

    static Optional<Strategy> of(String definition, String property) {
        return Optional.ofNullable(BY_PROPERTY.get(definition + "." + property));
    }

    private static Strategy merge(String mergeKey) {
        return new Strategy("merge", mergeKey);
    }
}
