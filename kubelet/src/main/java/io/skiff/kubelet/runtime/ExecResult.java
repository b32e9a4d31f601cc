package io.skiff.kubelet.runtime;

/** The exit code and combined output of a command run inside a container. */
public record ExecResult(int exitCode, String output) {
}
