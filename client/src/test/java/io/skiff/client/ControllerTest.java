package io.skiff.client;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's error contract: success forgets, 404 is done, other failures back off, requeueAfter comes back. */
class ControllerTest {
    @Test
    void failuresBackOffAndSuccessForgets() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        int[] failuresLeft = {2};
        Controller c = new Controller("test", key -> {
            calls.add(key);
            if (failuresLeft[0]-- > 0) {
                throw new IllegalStateException("transient");
            }
            return Result.done();
        });
        c.process("ns/a");
        assertEquals(1, c.queue().numRequeues("ns/a"));
        assertEquals(Optional.of("ns/a"), c.queue().get(), "requeued after its backoff");
        c.queue().done("ns/a");
        c.process("ns/a");
        assertEquals(2, c.queue().numRequeues("ns/a"));
        c.queue().get();
        c.queue().done("ns/a");
        c.process("ns/a");
        assertEquals(0, c.queue().numRequeues("ns/a"), "success forgets the backoff");
        assertEquals(0, c.queue().len());
        assertEquals(3, calls.size());
        c.close();
    }

    @Test
    void notFoundIsDoneWithoutRetry() {
        Controller c = new Controller("test", key -> {
            throw new KubernetesClientException("gone", 404, null);
        });
        c.process("ns/gone");
        assertEquals(0, c.queue().numRequeues("ns/gone"));
        assertEquals(0, c.queue().len());
        c.close();
    }

    @Test
    void requeueAfterBringsTheKeyBackLater() throws Exception {
        Controller c = new Controller("test", key -> Result.requeueAfter(Duration.ofMillis(50)));
        long start = System.nanoTime();
        c.process("ns/periodic");
        assertEquals(0, c.queue().len(), "not at once");
        assertEquals(Optional.of("ns/periodic"), c.queue().get());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(40).toNanos());
        assertEquals(0, c.queue().numRequeues("ns/periodic"), "periodic work is not a failure");
        c.close();
    }
}
