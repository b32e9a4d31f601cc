package io.skiff.store.etcd;

import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.common.exception.EtcdException;
import io.etcd.jetcd.support.Errors;
import io.grpc.Status;
import io.skiff.store.StoreException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps jetcd and gRPC failures onto the Store contract's exceptions. */
final class EtcdErrors {
    private static final String COMPACTED = "required revision has been compacted";
    private static final String FUTURE = "required revision is a future revision";

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static boolean isCompacted(Throwable t) {
        Throwable cause = unwrap(t);
        return cause instanceof CompactedException || messageOf(cause).contains(COMPACTED);
    }

    static boolean isFutureRevision(Throwable t) {
        return messageOf(unwrap(t)).contains(FUTURE);
    }

    /**
     * Whether a watch error is final. jetcd hands every stream error to the listener but resumes
     * the watch itself unless the error is a halt or no-leader error; this mirrors its decision.
     */
    static boolean endsWatch(Throwable t) {
        Status status = t instanceof EtcdException e
                ? Status.fromCode(Status.Code.valueOf(e.getErrorCode().name())).withDescription(e.getMessage())
                : Status.fromThrowable(t);
        return Errors.isHaltError(status) || Errors.isNoLeaderError(status);
    }

    /** Anything not covered by the contract's specific errors: the write may or may not have happened. */
    static RuntimeException map(String what, Throwable t) {
        Throwable cause = unwrap(t);
        if (cause instanceof StoreException e) {
            return e;
        }
        if (cause instanceof IllegalArgumentException e) {
            return e;
        }
        if (isFutureRevision(cause)) {
            return new IllegalArgumentException(what + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof TimeoutException) {
            return new StoreException.Unavailable(what + ": etcd did not answer in time", cause);
        }
        if (cause instanceof EtcdException || cause instanceof io.grpc.StatusRuntimeException) {
            return new StoreException.Unavailable(what + ": " + cause.getMessage(), cause);
        }
        return new StoreException.Unavailable(what + " failed: " + cause, cause);
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage();
    }

    private EtcdErrors() {
    }
}
