package io.skiff.kubelet.pod;

/** The pod refers to something missing (a ConfigMap, a Secret, a key): the container waits with CreateContainerConfigError. */
public final class ConfigError extends Exception {
    public ConfigError(String message) {
        super(message);
    }
}
