package io.skiff.kubelet.runtime;

/**
 * What a new sandbox needs: its pod, attempt number, hostname and the pod IP chosen from the
 * node's CIDR; with {@code hostNetwork} the pod shares the node's network namespace and has no IP of its own.
 */
public record SandboxConfig(PodRef pod, int attempt, String hostname, String ip, boolean hostNetwork) {
}
