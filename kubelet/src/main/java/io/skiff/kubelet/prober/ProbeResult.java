package io.skiff.kubelet.prober;

/** The outcome of one probe run. */
public record ProbeResult(boolean success, String message) {
    static ProbeResult ok() {
        return new ProbeResult(true, "");
    }

    static ProbeResult fail(String message) {
        return new ProbeResult(false, message);
    }
}
