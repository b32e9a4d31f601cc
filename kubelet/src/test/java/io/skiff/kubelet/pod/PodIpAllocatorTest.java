package io.skiff.kubelet.pod;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PodIpAllocatorTest {
    @Test
    void handsOutTheLowestFreeAddressAndKeepsItUntilReleased() {
        PodIpAllocator a = new PodIpAllocator("10.244.3.0/24");
        assertEquals("10.244.3.2", a.allocate(List.of()));
        assertEquals("10.244.3.4", a.allocate(List.of("10.244.3.3")));
        assertEquals("10.244.3.3", a.allocate(List.of()));
        a.release("10.244.3.2");
        assertEquals("10.244.3.2", a.allocate(List.of()));
        assertTrue(a.contains("10.244.3.200"));
    }

    @Test
    void failsWhenTheCidrIsFull() {
        PodIpAllocator a = new PodIpAllocator("10.244.3.0/30");
        assertEquals("10.244.3.2", a.allocate(List.of()));
        assertThrows(IllegalStateException.class, () -> a.allocate(List.of()));
    }
}
