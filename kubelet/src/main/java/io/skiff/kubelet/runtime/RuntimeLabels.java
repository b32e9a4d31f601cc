package io.skiff.kubelet.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Labels on every sandbox and container Skiff creates. They are the kubelet's only memory
 * across restarts (it adopts what carries its node's label) and keep kubelets that share
 * one engine away from each other's containers.
 */
public final class RuntimeLabels {
    public static final String MANAGED = "io.skiff.managed";
    public static final String NODE = "io.skiff.node";
    public static final String POD_UID = "io.skiff.pod.uid";
    public static final String POD_NAME = "io.skiff.pod.name";
    public static final String POD_NAMESPACE = "io.skiff.pod.namespace";
    public static final String CONTAINER = "io.skiff.container.name";
    public static final String ATTEMPT = "io.skiff.container.attempt";
    public static final String KIND = "io.skiff.kind";
    public static final String HASH = "io.skiff.container.hash";
    public static final String GRACE = "io.skiff.pod.terminationGracePeriod";
    public static final String SANDBOX = "sandbox";
    public static final String APP = "container";

    private RuntimeLabels() {
    }

    public static Map<String, String> of(PodRef pod, String kind, String container, int attempt) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(MANAGED, "true");
        l.put(NODE, pod.node());
        l.put(POD_UID, pod.uid());
        l.put(POD_NAME, pod.name());
        l.put(POD_NAMESPACE, pod.namespace());
        l.put(KIND, kind);
        l.put(CONTAINER, container);
        l.put(ATTEMPT, Integer.toString(attempt));
        return l;
    }

    public static Optional<PodRef> pod(Map<String, String> labels) {
        if (labels == null || !labels.containsKey(POD_UID) || !labels.containsKey(NODE)) {
            return Optional.empty();
        }
        return Optional.of(new PodRef(labels.get(NODE), labels.get(POD_UID), labels.get(POD_NAME), labels.get(POD_NAMESPACE)));
    }

    public static int attempt(Map<String, String> labels) {
        try {
            return Integer.parseInt(labels.getOrDefault(ATTEMPT, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
