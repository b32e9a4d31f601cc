package io.skiff.kubelet.pod;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackOffTest {
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void firstRestartIsImmediateThenTheDelayDoublesUpToTheMaximum() {
        BackOff b = new BackOff(Duration.ofSeconds(10), Duration.ofSeconds(40));
        assertFalse(b.inBackOffSince("c", t0, t0));
        b.next("c", t0);
        assertTrue(b.inBackOffSince("c", t0.plusSeconds(1), t0.plusSeconds(5)));
        assertFalse(b.inBackOffSince("c", t0.plusSeconds(1), t0.plusSeconds(12)));
        b.next("c", t0.plusSeconds(12));
        assertEquals(Duration.ofSeconds(20), b.delay("c"));
        b.next("c", t0.plusSeconds(40));
        b.next("c", t0.plusSeconds(80));
        assertEquals(Duration.ofSeconds(40), b.delay("c"));
    }

    @Test
    void anEntryIdleForTwiceTheMaximumStartsOver() {
        BackOff b = new BackOff(Duration.ofSeconds(10), Duration.ofSeconds(40));
        b.next("c", t0);
        b.next("c", t0.plusSeconds(10));
        b.next("c", t0.plusSeconds(200));
        assertEquals(Duration.ofSeconds(10), b.delay("c"));
    }
}
