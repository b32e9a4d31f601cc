package io.skiff.kubelet.runtime;

/** A host directory or file bound into a container. */
public record Mount(String hostPath, String containerPath, boolean readOnly) {
}
