package io.skiff.kubectl.config;

/** A kubeconfig that cannot be read or does not name what was asked for. */
public class KubeconfigException extends RuntimeException {
    public KubeconfigException(String message) {
        super(message);
    }
}
