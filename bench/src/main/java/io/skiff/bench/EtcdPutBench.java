package io.skiff.bench;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** The raw etcd put rate with the same concurrency and value size: the ceiling for the etcd backend. */
final class EtcdPutBench {
    private EtcdPutBench() {
    }

    static double putsPerSecond(List<String> endpoints, int concurrency, int puts) throws Exception {
        try (Client client = Client.builder().endpoints(endpoints.toArray(new String[0])).build()) {
            KV kv = client.getKVClient();
            ByteSequence value = ByteSequence.from("x".repeat(600), StandardCharsets.UTF_8);
            Semaphore inFlight = new Semaphore(concurrency);
            CompletableFuture<?>[] all = new CompletableFuture<?>[puts];
            long start = System.nanoTime();
            for (int i = 0; i < puts; i++) {
                inFlight.acquire();
                all[i] = kv.put(ByteSequence.from("/bench/raw/" + i, StandardCharsets.UTF_8), value)
                        .whenComplete((r, e) -> inFlight.release());
            }
            CompletableFuture.allOf(all).get();
            return puts / ((System.nanoTime() - start) / 1e9);
        }
    }
}
