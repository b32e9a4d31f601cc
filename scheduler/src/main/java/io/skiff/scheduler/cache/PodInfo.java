package io.skiff.scheduler.cache;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Map;

/** A pod as the cache keeps it, with what plugins ask about it computed once. */
public record PodInfo(Pod pod, String key, PodRequests requests, List<HostPort> hostPorts, String controllerUid,
                      boolean requiredAntiAffinity) {

    public static PodInfo of(Pod pod) {
        return new PodInfo(pod, key(pod), PodRequests.of(pod), HostPort.of(pod), controllerUid(pod), hasRequiredAntiAffinity(pod));
    }

    public Map<String, String> labels() {
        Map<String, String> l = pod.getMetadata().getLabels();
        return l == null ? Map.of() : l;
    }

    public String namespace() {
        return pod.getMetadata().getNamespace();
    }

    /** The pod's identity in the cache and the queue: its UID, or namespace/name before it has one. */
    public static String key(Pod pod) {
        String uid = pod.getMetadata().getUid();
        return uid != null && !uid.isEmpty() ? uid : pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    /** The UID of the controller (ReplicaSet, StatefulSet…) that owns the pod, or null. */
    public static String controllerUid(Pod pod) {
        List<OwnerReference> refs = pod.getMetadata().getOwnerReferences();
        if (refs != null) {
            for (OwnerReference r : refs) {
                if (Boolean.TRUE.equals(r.getController())) {
                    return r.getUid();
                }
            }
        }
        return null;
    }

    private static boolean hasRequiredAntiAffinity(Pod pod) {
        Affinity a = pod.getSpec() == null ? null : pod.getSpec().getAffinity();
        return a != null && a.getPodAntiAffinity() != null
                && a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null
                && !a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().isEmpty();
    }
}
