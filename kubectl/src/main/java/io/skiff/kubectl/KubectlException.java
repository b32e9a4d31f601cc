package io.skiff.kubectl;

/** A client-side failure kubectl prints as {@code error: <message>} and exits 1. */
public class KubectlException extends RuntimeException {
    private final int exitCode;

    public KubectlException(String message) {
        this(message, 1);
    }

    public KubectlException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
