package io.skiff.api.defaults;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pod-only defaults: those Kubernetes sets on Pods but not on templates, and the priority its
 * Priority admission plugin assigns.
 */
final class PodDefaults {
    /** Priorities of the two built-in PriorityClasses; any other class name keeps no priority. */
    private static final Map<String, Integer> BUILT_IN_PRIORITIES = Map.of(
            "system-node-critical", 2000001000, "system-cluster-critical", 2000000000);

    private PodDefaults() {
    }

    static void apply(Pod pod) {
        if (pod.getSpec() == null) {
            pod.setSpec(new PodSpec());
        }
        PodSpec spec = pod.getSpec();
        PodSpecDefaults.apply(spec);
        for (Container c : PodSpecDefaults.list(spec.getContainers())) {
            requestsFromLimits(c);
        }
        for (Container c : PodSpecDefaults.list(spec.getInitContainers())) {
            requestsFromLimits(c);
        }
        if (spec.getEnableServiceLinks() == null) {
            spec.setEnableServiceLinks(true);
        }
        if (Boolean.TRUE.equals(spec.getHostNetwork())) {
            hostPorts(spec.getContainers());
            hostPorts(spec.getInitContainers());
        }
        if (spec.getPriority() == null) {
            String className = spec.getPriorityClassName();
            if (ContainerDefaults.isEmpty(className)) {
                spec.setPriority(0);
            } else if (BUILT_IN_PRIORITIES.containsKey(className)) {
                spec.setPriority(BUILT_IN_PRIORITIES.get(className));
            }
        }
        if (ContainerDefaults.isEmpty(spec.getPreemptionPolicy())) {
            spec.setPreemptionPolicy("PreemptLowerPriority");
        }
    }

    /** A container that only states limits requests exactly its limits (Guaranteed QoS). */
    private static void requestsFromLimits(Container c) {
        ResourceRequirements r = c.getResources();
        if (r == null || r.getLimits() == null || r.getLimits().isEmpty()) {
            return;
        }
        Map<String, Quantity> requests = r.getRequests() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.getRequests());
        r.getLimits().forEach((k, v) -> requests.putIfAbsent(k, new Quantity(v.getAmount(), v.getFormat())));
        r.setRequests(requests);
    }

    /** With the host's network, a container port is a host port. */
    private static void hostPorts(List<Container> containers) {
        for (Container c : PodSpecDefaults.list(containers)) {
            for (ContainerPort p : PodSpecDefaults.list(c.getPorts())) {
                if (p.getHostPort() == null || p.getHostPort() == 0) {
                    p.setHostPort(p.getContainerPort());
                }
            }
        }
    }
}
