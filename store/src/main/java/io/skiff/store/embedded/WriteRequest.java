package io.skiff.store.embedded;

import io.skiff.store.KeyValue;
import io.skiff.store.StoreException;
import java.util.concurrent.CompletableFuture;

/** One caller's pending write; its future completes once the batch holding it is durable. */
record WriteRequest(Kind kind, String key, byte[] value, long expectedModRevision,
                    CompletableFuture<KeyValue> result) implements WriterOp {

    enum Kind { CREATE, UPDATE, DELETE }

    WriteRequest(Kind kind, String key, byte[] value, long expectedModRevision) {
        this(kind, key, value, expectedModRevision, new CompletableFuture<>());
    }

    /**
     * The row this write appends at {@code revision}, given the key's newest row (null if the key
     * never existed or its rows were compacted away), or the contract's exception.
     */
    Row toRow(Row latest, long revision) {
        boolean live = latest != null && !latest.deleted();
        return switch (kind) {
            case CREATE -> {
                if (live) {
                    throw new StoreException.KeyExists(key);
                }
                // A re-create follows the delete row, keeping (name, prev_revision) unique.
                yield new Row(revision, key, true, false, revision, latest == null ? 0 : latest.id(), value, null);
            }
            case UPDATE -> {
                requireExpected(latest, live);
                yield new Row(revision, key, false, false, latest.createRevision(), latest.id(), value, latest.value());
            }
            case DELETE -> {
                requireExpected(latest, live);
                yield new Row(revision, key, false, true, latest.createRevision(), latest.id(), latest.value(), null);
            }
        };
    }

    private void requireExpected(Row latest, boolean live) {
        if (!live) {
            throw new StoreException.NotFound(key);
        }
        boolean unconditional = kind == Kind.DELETE && expectedModRevision == 0;
        if (!unconditional && latest.id() != expectedModRevision) {
            throw new StoreException.Conflict(latest.keyValue());
        }
    }
}
