package io.skiff.kubelet.runtime;

import java.time.Instant;

/** A pod sandbox (the container holding the pod's network namespace) as the runtime reports it. */
public record RuntimeSandbox(String id, PodRef pod, int attempt, boolean running, String ip, Instant createdAt) {
}
