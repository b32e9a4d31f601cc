package io.skiff.kubelet.runtime;

import java.time.Instant;

/**
 * One instance (attempt) of a pod's container as the runtime reports it; a restart is a new
 * instance with the next attempt number, so the previous one still tells lastState.
 */
public record RuntimeContainer(String id, PodRef pod, String name, int attempt, String hash, ContainerState state,
                               int exitCode, boolean oomKilled, String error, Instant createdAt, Instant startedAt,
                               Instant finishedAt, String image, String imageId) {

    public boolean running() {
        return state == ContainerState.RUNNING;
    }

    public boolean exited() {
        return state == ContainerState.EXITED;
    }
}
