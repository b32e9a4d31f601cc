package io.skiff.kubectl;

/** A client-side failure kubectl prints as {@code error: <message>} and exits 1. */
public class KubectlException extends RuntimeException {
    private final int exitCode;
    private final boolean raw;

    public KubectlException(String message) {
        this(message, 1);
    }

    public KubectlException(String message, int exitCode) {
        this(message, exitCode, false);
    }

    private KubectlException(String message, int exitCode, boolean raw) {
        super(message);
        this.exitCode = exitCode;
        this.raw = raw;
    }

    /** A message kubectl prints as it is, without the {@code error: } prefix. */
    public static KubectlException raw(String message) {
        return new KubectlException(message, 1, true);
    }

    public static KubectlException raw(String message, int exitCode) {
        return new KubectlException(message, exitCode, true);
    }

    public boolean isRaw() {
        return raw;
    }

    public int exitCode() {
        return exitCode;
    }
}
