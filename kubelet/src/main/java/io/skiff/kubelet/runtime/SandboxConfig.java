package io.skiff.kubelet.runtime;

/** What a new sandbox needs: its pod, attempt number, hostname and the pod IP chosen from the node's CIDR. */
public record SandboxConfig(PodRef pod, int attempt, String hostname, String ip) {
}
