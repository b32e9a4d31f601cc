package io.skiff.kubelet.runtime;

/** A runtime container's life stage, as the kubelet needs it. */
public enum ContainerState {
    CREATED, RUNNING, EXITED, UNKNOWN
}
