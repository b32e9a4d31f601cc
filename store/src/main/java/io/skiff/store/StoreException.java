package io.skiff.store;

/** Failures of the {@link Store} contract; every backend maps its own errors onto these. */
public abstract sealed class StoreException extends RuntimeException {

    protected StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code create} of a key that exists. */
    public static final class KeyExists extends StoreException {
        public KeyExists(String key) {
            super("key exists: " + key, null);
        }
    }

    /** {@code update}/{@code delete} of an absent key. */
    public static final class NotFound extends StoreException {
        public NotFound(String key) {
            super("key not found: " + key, null);
        }
    }

    /** The key's modRevision differs from the expected one; {@link #current()} is what is stored. */
    public static final class Conflict extends StoreException {
        private final KeyValue current;

        public Conflict(KeyValue current) {
            super("modRevision mismatch for " + current.key() + ": now " + current.modRevision(), null);
            this.current = current;
        }

        public KeyValue current() {
            return current;
        }
    }

    /** The requested revision is older than the compacted revision. */
    public static final class Compacted extends StoreException {
        private final long compactedRevision;

        public Compacted(long requested, long compactedRevision) {
            super("revision " + requested + " is compacted (compacted up to " + compactedRevision + ")", null);
            this.compactedRevision = compactedRevision;
        }

        public long compactedRevision() {
            return compactedRevision;
        }
    }

    /** The backend failed (I/O, lost connection, timeout). The write may or may not have happened. */
    public static final class Unavailable extends StoreException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
