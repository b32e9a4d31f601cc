package io.skiff.kubelet.pod;

/** Why a container is not running, as its status tells it (CrashLoopBackOff, ErrImagePull, …). */
public record Waiting(String reason, String message) {
}
