package io.skiff.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.CompactOption;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.skiff.store.KeyValue;
import io.skiff.store.ListResult;
import io.skiff.store.Store;
import io.skiff.store.StoreException;
import io.skiff.store.Watch;
import io.skiff.store.WatchListener;
import io.skiff.store.support.KeyRange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The etcd backend, over jetcd. Every conditional write is one transaction: compare the key's
 * version or mod_revision, then put/delete, else read the key back to report why it failed.
 * Durability, ordering and replication are etcd's.
 */
public final class EtcdStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdStore.class);
    /** A key nobody writes: reading it returns just a header with the current revision. */
    private static final ByteSequence PROBE = bytes("\0skiff/revision-probe");
    private static final int WATCH_BACKLOG = 100_000;

    private final Client client;
    private final KV kv;
    private final Duration timeout;
    private volatile long knownCompacted;

    public EtcdStore(List<String> endpoints) {
        this(endpoints, Duration.ofSeconds(15));
    }

    public EtcdStore(List<String> endpoints, Duration timeout) {
        this.client = Client.builder().endpoints(endpoints.toArray(String[]::new))
                .connectTimeout(Duration.ofSeconds(5))
                .keepaliveTime(Duration.ofSeconds(10))
                .keepaliveTimeout(Duration.ofSeconds(5))
                .build();
        this.kv = client.getKVClient();
        this.timeout = timeout;
        LOG.info("using etcd at {}", endpoints);
    }

    @Override
    public Optional<KeyValue> get(String key) {
        GetResponse r = await("get " + key, kv.get(bytes(key)));
        return r.getKvs().stream().findFirst().map(EtcdStore::toKeyValue);
    }

    @Override
    public ListResult list(String prefix, String startKey, long revision, int limit) {
        KeyRange range = KeyRange.of(prefix, startKey);
        GetOption option = GetOption.builder()
                .withRange(ByteSequence.from(range.endBytes()))
                .withRevision(revision)
                .withLimit(limit)
                .build();
        try {
            GetResponse r = await("list " + prefix, kv.get(bytes(range.start()), option));
            long at = revision == 0 ? r.getHeader().getRevision() : revision;
            return new ListResult(r.getKvs().stream().map(EtcdStore::toKeyValue).toList(), at, r.isMore());
        } catch (StoreException.Unavailable e) {
            if (EtcdErrors.isCompacted(e.getCause())) {
                throw new StoreException.Compacted(revision, compactedRevision());
            }
            throw e;
        }
    }

    @Override
    public long count(String prefix) {
        GetOption option = GetOption.builder()
                .withRange(ByteSequence.from(KeyRange.of(prefix, null).endBytes()))
                .withCountOnly(true)
                .build();
        return await("count " + prefix, kv.get(bytes(prefix), option)).getCount();
    }

    @Override
    public KeyValue create(String key, byte[] value) {
        ByteSequence k = bytes(key);
        TxnResponse r = await("create " + key, kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.version(0)))
                .Then(Op.put(k, ByteSequence.from(value), PutOption.DEFAULT))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit());
        if (!r.isSucceeded()) {
            throw new StoreException.KeyExists(key);
        }
        long rev = r.getHeader().getRevision();
        return new KeyValue(key, value, rev, rev);
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        ByteSequence k = bytes(key);
        TxnResponse r = await("update " + key, kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)))
                .Then(Op.put(k, ByteSequence.from(value), PutOption.builder().withPrevKV().build()))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit());
        if (!r.isSucceeded()) {
            throw failure(key, r);
        }
        long createRevision = r.getPutResponses().get(0).getPrevKv().getCreateRevision();
        return new KeyValue(key, value, createRevision, r.getHeader().getRevision());
    }

    @Override
    public KeyValue delete(String key, long expectedModRevision) {
        ByteSequence k = bytes(key);
        // expected 0 = any version, but the key must exist: a delete of nothing is NotFound.
        Cmp condition = expectedModRevision == 0
                ? new Cmp(k, Cmp.Op.GREATER, CmpTarget.version(0))
                : new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision));
        TxnResponse r = await("delete " + key, kv.txn()
                .If(condition)
                .Then(Op.delete(k, DeleteOption.builder().withPrevKV(true).build()))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit());
        if (!r.isSucceeded()) {
            throw failure(key, r);
        }
        KeyValue prev = toKeyValue(r.getDeleteResponses().get(0).getPrevKvs().get(0));
        return new KeyValue(key, prev.value(), prev.createRevision(), r.getHeader().getRevision());
    }

    private static StoreException failure(String key, TxnResponse r) {
        List<io.etcd.jetcd.KeyValue> current = r.getGetResponses().get(0).getKvs();
        return current.isEmpty()
                ? new StoreException.NotFound(key)
                : new StoreException.Conflict(toKeyValue(current.get(0)));
    }

    @Override
    public Watch watch(String prefix, long fromRevision, WatchListener listener) {
        return EtcdWatch.start(client.getWatchClient(), prefix, fromRevision, listener, WATCH_BACKLOG);
    }

    @Override
    public void compact(long revision) {
        try {
            await("compact " + revision, kv.compact(revision, CompactOption.builder().withCompactPhysical(true).build()));
            knownCompacted = Math.max(knownCompacted, revision);
            LOG.info("compacted etcd up to revision {}", revision);
        } catch (StoreException.Unavailable e) {
            if (!EtcdErrors.isCompacted(e.getCause())) {
                throw e;
            }
            // already compacted at or beyond it: nothing to do
        }
    }

    @Override
    public long currentRevision() {
        GetOption countOnly = GetOption.builder().withCountOnly(true).build();
        return await("current revision", kv.get(PROBE, countOnly)).getHeader().getRevision();
    }

    /**
     * etcd does not report its compaction point directly, so find the oldest readable revision:
     * a read at {@code r} fails exactly when {@code r} is below it. About log2(revision) reads.
     */
    @Override
    public long compactedRevision() {
        long low = Math.max(knownCompacted, 1);
        long high = currentRevision();
        if (high == 0 || readable(low)) {
            return low == 1 ? 0 : low;
        }
        while (low < high) { // invariant: low unreadable, high readable
            long mid = low + (high - low) / 2;
            if (mid == low) {
                break;
            }
            if (readable(mid)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        knownCompacted = high;
        return high;
    }

    private boolean readable(long revision) {
        GetOption option = GetOption.builder().withRevision(revision).withCountOnly(true).build();
        try {
            await("read at " + revision, kv.get(PROBE, option));
            return true;
        } catch (StoreException.Unavailable e) {
            if (EtcdErrors.isCompacted(e.getCause())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private <T> T await(String what, CompletableFuture<T> call) {
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new StoreException.Unavailable(what + ": interrupted", e);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw EtcdErrors.map(what, e);
        } catch (ExecutionException e) {
            throw EtcdErrors.map(what, e);
        }
    }

    static ByteSequence bytes(String s) {
        return ByteSequence.from(s, UTF_8);
    }

    static String string(ByteSequence b) {
        return b.toString(UTF_8);
    }

    static KeyValue toKeyValue(io.etcd.jetcd.KeyValue kv) {
        return new KeyValue(string(kv.getKey()), kv.getValue().getBytes(), kv.getCreateRevision(), kv.getModRevision());
    }
}
