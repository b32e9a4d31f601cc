package io.skiff.api.proto;

import com.google.protobuf.Descriptors.FieldDescriptor;

import java.util.HashSet;
import java.util.Set;

/**
 * Facts about Kubernetes' Go structs that the protobuf schema does not carry.
 *
 * <p>Go's protobuf encoder writes every non-pointer field, zero or not, and only non-nil pointers.
 * So a zero scalar on the wire means "unset" for a plain field, but is a real value for a pointer
 * ({@code *int32 replicas = 0}, {@code *bool ready = false}). {@link #keepsZero} lists the pointer
 * scalars; decoding drops zeros of every other scalar, as Go's JSON {@code omitempty} would.
 *
 * <p>Go also embeds a few structs whose fields JSON shows inline, while protobuf nests them in one
 * field ({@link #isInline}).
 */
final class GoShape {
    private static final String CORE = "k8s.io.api.core.v1.";
    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final String APPS = "k8s.io.api.apps.v1.";
    private static final String BATCH = "k8s.io.api.batch.v1.";

    private static final String ADMISSION = "k8s.io.api.admissionregistration.v1.";

    private static final Set<String> INLINE = Set.of(
            CORE + "Volume.volumeSource",
            CORE + "Probe.handler",
            CORE + "EphemeralContainer.ephemeralContainerCommon",
            CORE + "PersistentVolumeSpec.persistentVolumeSource",
            CORE + "ConfigMapEnvSource.localObjectReference",
            CORE + "ConfigMapKeySelector.localObjectReference",
            CORE + "ConfigMapProjection.localObjectReference",
            CORE + "ConfigMapVolumeSource.localObjectReference",
            CORE + "SecretEnvSource.localObjectReference",
            CORE + "SecretKeySelector.localObjectReference",
            CORE + "SecretProjection.localObjectReference",
            "k8s.io.api.networking.v1.IngressRule.ingressRuleValue",
            ADMISSION + "NamedRuleWithOperations.ruleWithOperations",
            ADMISSION + "RuleWithOperations.rule");

    private static final Set<String> POINTERS = new HashSet<>();

    static {
        // core/v1: workloads
        pointers(CORE + "PodSpec", "terminationGracePeriodSeconds", "activeDeadlineSeconds",
                "automountServiceAccountToken", "shareProcessNamespace", "priority", "enableServiceLinks",
                "preemptionPolicy", "runtimeClassName", "setHostnameAsFQDN", "hostUsers");
        pointers(CORE + "Container", "restartPolicy");
        pointers(CORE + "EphemeralContainerCommon", "restartPolicy");
        pointers(CORE + "ContainerStatus", "started");
        pointers(CORE + "Probe", "terminationGracePeriodSeconds");
        pointers(CORE + "GRPCAction", "service");
        pointers(CORE + "VolumeMount", "mountPropagation", "recursiveReadOnly");
        pointers(CORE + "VolumeMountStatus", "recursiveReadOnly");
        pointers(CORE + "PodSecurityContext", "runAsUser", "runAsGroup", "runAsNonRoot", "fsGroup", "fsGroupChangePolicy");
        pointers(CORE + "SecurityContext", "privileged", "runAsUser", "runAsGroup", "runAsNonRoot",
                "readOnlyRootFilesystem", "allowPrivilegeEscalation", "procMount");
        pointers(CORE + "WindowsSecurityContextOptions", "gmsaCredentialSpecName", "gmsaCredentialSpec",
                "runAsUserName", "hostProcess");
        pointers(CORE + "SeccompProfile", "localhostProfile");
        pointers(CORE + "AppArmorProfile", "localhostProfile");
        pointers(CORE + "Toleration", "tolerationSeconds");
        pointers(CORE + "TopologySpreadConstraint", "minDomains", "nodeAffinityPolicy", "nodeTaintsPolicy");
        pointers(CORE + "PodDNSConfigOption", "value");
        pointers(CORE + "ClaimSource", "resourceClaimName", "resourceClaimTemplateName");
        pointers(CORE + "PodResourceClaimStatus", "resourceClaimName");
        pointers(CORE + "ReplicationControllerSpec", "replicas");
        pointers(CORE + "ServiceAccount", "automountServiceAccountToken");
        // core/v1: configuration and volumes
        pointers(CORE + "Secret", "immutable");
        pointers(CORE + "ConfigMap", "immutable");
        pointers(CORE + "ConfigMapEnvSource", "optional");
        pointers(CORE + "ConfigMapKeySelector", "optional");
        pointers(CORE + "ConfigMapProjection", "optional");
        pointers(CORE + "ConfigMapVolumeSource", "defaultMode", "optional");
        pointers(CORE + "SecretEnvSource", "optional");
        pointers(CORE + "SecretKeySelector", "optional");
        pointers(CORE + "SecretProjection", "optional");
        pointers(CORE + "SecretVolumeSource", "defaultMode", "optional");
        pointers(CORE + "ClusterTrustBundleProjection", "name", "signerName", "optional");
        pointers(CORE + "ProjectedVolumeSource", "defaultMode");
        pointers(CORE + "DownwardAPIVolumeSource", "defaultMode");
        pointers(CORE + "DownwardAPIVolumeFile", "mode");
        pointers(CORE + "KeyToPath", "mode");
        pointers(CORE + "ServiceAccountTokenProjection", "expirationSeconds");
        pointers(CORE + "HostPathVolumeSource", "type");
        pointers(CORE + "CSIVolumeSource", "readOnly", "fsType");
        pointers(CORE + "AzureDiskVolumeSource", "cachingMode", "fsType", "readOnly", "kind");
        pointers(CORE + "AzureFilePersistentVolumeSource", "secretNamespace");
        pointers(CORE + "FCVolumeSource", "lun");
        pointers(CORE + "ISCSIVolumeSource", "initiatorName");
        pointers(CORE + "ISCSIPersistentVolumeSource", "initiatorName");
        pointers(CORE + "GlusterfsPersistentVolumeSource", "endpointsNamespace");
        pointers(CORE + "LocalVolumeSource", "fsType");
        pointers(CORE + "PersistentVolumeClaimSpec", "storageClassName", "volumeMode", "volumeAttributesClassName");
        pointers(CORE + "PersistentVolumeClaimStatus", "currentVolumeAttributesClassName");
        pointers(CORE + "PersistentVolumeSpec", "volumeMode", "volumeAttributesClassName");
        pointers(CORE + "TypedLocalObjectReference", "apiGroup");
        pointers(CORE + "TypedObjectReference", "apiGroup", "namespace");
        // core/v1: networking and nodes
        pointers(CORE + "ServiceSpec", "ipFamilyPolicy", "allocateLoadBalancerNodePorts", "loadBalancerClass",
                "internalTrafficPolicy", "trafficDistribution");
        pointers(CORE + "ServicePort", "appProtocol");
        pointers(CORE + "ClientIPConfig", "timeoutSeconds");
        pointers(CORE + "LoadBalancerIngress", "ipMode");
        pointers(CORE + "PortStatus", "error");
        pointers(CORE + "EndpointAddress", "nodeName");
        pointers(CORE + "EndpointPort", "appProtocol");
        pointers(CORE + "NodeRuntimeHandlerFeatures", "recursiveReadOnlyMounts");
        pointers(CORE + "PodLogOptions", "sinceSeconds", "tailLines", "limitBytes");
        // meta/v1
        pointers(META + "ObjectMeta", "deletionGracePeriodSeconds");
        pointers(META + "OwnerReference", "controller", "blockOwnerDeletion");
        pointers(META + "ListMeta", "remainingItemCount");
        pointers(META + "DeleteOptions", "gracePeriodSeconds", "orphanDependents", "propagationPolicy");
        pointers(META + "Preconditions", "uid", "resourceVersion");
        pointers(META + "ListOptions", "timeoutSeconds", "sendInitialEvents");
        pointers(META + "PatchOptions", "force");
        // apps/v1
        pointers(APPS + "DeploymentSpec", "replicas", "revisionHistoryLimit", "progressDeadlineSeconds");
        pointers(APPS + "DeploymentStatus", "collisionCount");
        pointers(APPS + "ReplicaSetSpec", "replicas");
        pointers(APPS + "StatefulSetSpec", "replicas", "revisionHistoryLimit");
        pointers(APPS + "StatefulSetStatus", "collisionCount");
        pointers(APPS + "RollingUpdateStatefulSetStrategy", "partition");
        pointers(APPS + "DaemonSetSpec", "revisionHistoryLimit");
        pointers(APPS + "DaemonSetStatus", "collisionCount");
        // batch/v1
        pointers(BATCH + "JobSpec", "parallelism", "completions", "activeDeadlineSeconds", "backoffLimit",
                "backoffLimitPerIndex", "maxFailedIndexes", "ttlSecondsAfterFinished", "completionMode", "suspend",
                "podReplacementPolicy", "managedBy");
        pointers(BATCH + "JobStatus", "ready", "terminating", "failedIndexes");
        pointers(BATCH + "CronJobSpec", "timeZone", "startingDeadlineSeconds", "suspend",
                "successfulJobsHistoryLimit", "failedJobsHistoryLimit");
        pointers(BATCH + "PodFailurePolicyOnExitCodesRequirement", "containerName");
        // other v1 groups, where zero is a deliberate setting
        pointers("k8s.io.api.autoscaling.v1.HorizontalPodAutoscalerSpec", "minReplicas", "targetCPUUtilizationPercentage");
        pointers("k8s.io.api.autoscaling.v1.HorizontalPodAutoscalerStatus", "observedGeneration",
                "currentCPUUtilizationPercentage");
        pointers("k8s.io.api.policy.v1.PodDisruptionBudgetSpec", "unhealthyPodEvictionPolicy");
        pointers("k8s.io.api.networking.v1.NetworkPolicyPort", "protocol", "endPort");
        pointers("k8s.io.api.networking.v1.IngressSpec", "ingressClassName");
        pointers("k8s.io.api.networking.v1.HTTPIngressPath", "pathType");
        pointers("k8s.io.api.scheduling.v1.PriorityClass", "preemptionPolicy");
        pointers("k8s.io.api.storage.v1.StorageClass", "reclaimPolicy", "allowVolumeExpansion", "volumeBindingMode");
        pointers("k8s.io.api.storage.v1.CSIDriverSpec", "attachRequired", "podInfoOnMount", "storageCapacity",
                "fsGroupPolicy", "requiresRepublish", "seLinuxMount");
        pointers("k8s.io.api.storage.v1.VolumeNodeResources", "count");
        pointers("k8s.io.api.certificates.v1.CertificateSigningRequestSpec", "expirationSeconds");
        pointers("k8s.io.api.authentication.v1.TokenRequestSpec", "expirationSeconds");
        pointers(ADMISSION + "ServiceReference", "path", "port");
        pointers(ADMISSION + "WebhookClientConfig", "url");
        pointers(ADMISSION + "ValidatingWebhook", "failurePolicy", "matchPolicy",
                "sideEffects", "timeoutSeconds");
        pointers(ADMISSION + "MutatingWebhook", "failurePolicy", "matchPolicy",
                "sideEffects", "timeoutSeconds", "reinvocationPolicy");
        // groups built by SupplementalSchemas
        pointers("k8s.io.api.coordination.v1.LeaseSpec", "holderIdentity", "leaseDurationSeconds",
                "leaseTransitions", "strategy", "preferredHolder");
        pointers("k8s.io.api.discovery.v1.Endpoint", "hostname", "nodeName", "zone");
        pointers("k8s.io.api.discovery.v1.EndpointConditions", "ready", "serving", "terminating");
        pointers("k8s.io.api.discovery.v1.EndpointPort", "name", "protocol", "port", "appProtocol");
    }

    private GoShape() {
    }

    private static void pointers(String message, String... fields) {
        for (String field : fields) {
            POINTERS.add(message + "." + field);
        }
    }

    /** True when a zero value of this scalar field is meaningful and must survive decoding. */
    static boolean keepsZero(FieldDescriptor field) {
        return POINTERS.contains(field.getFullName());
    }

    /** True when JSON shows this message field's own fields in the parent object. */
    static boolean isInline(FieldDescriptor field) {
        return INLINE.contains(field.getFullName());
    }

    /** Every table entry, so tests can check each names a real field. */
    static Set<String> pointerFields() {
        return Set.copyOf(POINTERS);
    }

    static Set<String> inlineFields() {
        return INLINE;
    }
}
