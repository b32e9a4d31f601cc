package io.skiff.kubelet.pod;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out pod IPs from the node's pod CIDR (a /24 or larger), skipping the network and
 * gateway addresses, addresses in use by the node's sandboxes, and those handed out by this
 * kubelet until their pod is removed: a listing taken while another sandbox is starting does
 * not show that sandbox, so the reservation must outlive the start.
 */
public final class PodIpAllocator {
    private final long base;
    private final int size;
    private final Set<Long> reserved = new HashSet<>();

    public PodIpAllocator(String cidr) {
        String[] parts = cidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        this.size = 1 << (32 - prefix);
        this.base = toLong(parts[0]) & ~((long) size - 1);
    }

    /** The lowest free address (".2" upwards: ".1" may be the bridge's gateway). */
    public synchronized String allocate(Collection<String> inUse) {
        Set<Long> used = new HashSet<>(reserved);
        for (String ip : inUse) {
            if (ip != null) {
                used.add(toLong(ip));
            }
        }
        for (long a = base + 2; a < base + size - 1; a++) {
            if (!used.contains(a)) {
                reserved.add(a);
                return toString(a);
            }
        }
        throw new IllegalStateException("no free pod IP left in the node's pod CIDR");
    }

    /** Marks addresses as taken: those of the sandboxes found running when the kubelet starts. */
    public synchronized void reserve(Collection<String> inUse) {
        for (String ip : inUse) {
            if (ip != null && contains(ip)) {
                reserved.add(toLong(ip));
            }
        }
    }

    /** Gives an address back once its pod is gone (or its sandbox failed to start). */
    public synchronized void release(String ip) {
        if (ip != null) {
            reserved.remove(toLong(ip));
        }
    }

    public boolean contains(String ip) {
        long a = toLong(ip);
        return a >= base && a < base + size;
    }

    static long toLong(String ip) {
        long v = 0;
        for (String o : ip.split("\\.")) {
            v = (v << 8) | Integer.parseInt(o);
        }
        return v;
    }

    static String toString(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
