package io.skiff.store.embedded;

import java.util.concurrent.CompletableFuture;

/** What the writer thread takes from its queue: a write, a compaction, or the order to stop. */
sealed interface WriterOp permits WriteRequest, WriterOp.Compact, WriterOp.Stop {

    /** Discard history at and below {@code revision}; completes when the rows are gone. */
    record Compact(long revision, CompletableFuture<Void> done) implements WriterOp {
    }

    record Stop() implements WriterOp {
    }
}
