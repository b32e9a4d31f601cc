package io.skiff.scheduler.framework;

import java.util.List;

/**
 * The result of running a plugin: a code and, when not successful, the reasons users read in the
 * {@code FailedScheduling} event ("Insufficient cpu"). Plugins return a Status; they do not throw.
 */
public record Status(Code code, List<String> reasons, String plugin) {
    public enum Code {
        SUCCESS,
        /** The node does not fit now but might after the cluster changes (e.g. resources freed). */
        UNSCHEDULABLE,
        /** The node does not fit and no change on that node would help (e.g. wrong node name). */
        UNSCHEDULABLE_AND_UNRESOLVABLE,
        /** Something broke; the pod is retried with back-off. */
        ERROR,
        /** A PreFilter/PreScore plugin has nothing to do for this pod, so its Filter/Score is skipped. */
        SKIP
    }

    private static final Status SUCCESS = new Status(Code.SUCCESS, List.of(), "");
    private static final Status SKIP = new Status(Code.SKIP, List.of(), "");

    public static Status success() {
        return SUCCESS;
    }

    public static Status skip() {
        return SKIP;
    }

    public static Status unschedulable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE, List.of(reasons), "");
    }

    public static Status unresolvable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reasons), "");
    }

    public static Status error(String reason) {
        return new Status(Code.ERROR, List.of(reason), "");
    }

    public boolean isSuccess() {
        return code == Code.SUCCESS;
    }

    public boolean isSkip() {
        return code == Code.SKIP;
    }

    /** Unschedulable or unresolvable: the pod does not fit, as opposed to an error. */
    public boolean isRejected() {
        return code == Code.UNSCHEDULABLE || code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE;
    }

    /** The same status, naming the plugin that produced it. */
    public Status withPlugin(String name) {
        return code == Code.SUCCESS || code == Code.SKIP ? this : new Status(code, reasons, name);
    }

    public String message() {
        return String.join(", ", reasons);
    }
}
