package io.skiff.apiserver.alloc;

import java.util.BitSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out offsets in {@code [0, size)}: a random free one, or a specific one if free.
 * Thread-safe; state is rebuilt from stored objects at startup.
 */
final class RangeAllocator {
    private final int size;
    private final BitSet used;
    private final BitSet reserved;

    RangeAllocator(int size) {
        this.size = size;
        this.used = new BitSet(size);
        this.reserved = new BitSet(size);
    }

    /** Offsets never handed out at random (they are only for explicit requests). */
    synchronized void reserve(int offset) {
        reserved.set(offset);
    }

    synchronized boolean allocate(int offset) {
        if (offset < 0 || offset >= size || used.get(offset)) {
            return false;
        }
        used.set(offset);
        return true;
    }

    /** A random free offset, or -1 when the range is full. */
    synchronized int allocateNext() {
        int start = ThreadLocalRandom.current().nextInt(size);
        for (int i = 0; i < size; i++) {
            int candidate = (start + i) % size;
            if (!used.get(candidate) && !reserved.get(candidate)) {
                used.set(candidate);
                return candidate;
            }
        }
        return -1;
    }

    synchronized void release(int offset) {
        if (offset >= 0 && offset < size) {
            used.clear(offset);
        }
    }

    synchronized boolean isUsed(int offset) {
        return used.get(offset);
    }

    int size() {
        return size;
    }
}
