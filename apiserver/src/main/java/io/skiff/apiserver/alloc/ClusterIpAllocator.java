package io.skiff.apiserver.alloc;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Service cluster IPs from a CIDR (10.96.0.0/12 by default); the network and broadcast addresses are never used. */
public final class ClusterIpAllocator {
    private final long base;
    private final int prefix;
    private final RangeAllocator range;

    public ClusterIpAllocator(String cidr) {
        String[] parts = cidr.split("/");
        this.prefix = Integer.parseInt(parts[1]);
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("service CIDR must be between /8 and /30: " + cidr);
        }
        this.base = toLong(parts[0]) & mask(prefix);
        int size = (int) (1L << (32 - prefix));
        this.range = new RangeAllocator(size);
        range.allocate(0);            // network address
        range.allocate(size - 1);     // broadcast address
        range.reserve(1);             // the kubernetes service
        range.reserve(10);            // cluster DNS
    }

    public String cidr() {
        return toIp(base) + "/" + prefix;
    }

    /** The n-th address of the range: 1 is the kubernetes service, 10 the DNS service. */
    public String address(int n) {
        return toIp(base + n);
    }

    public boolean contains(String ip) {
        Long v = parse(ip);
        return v != null && (v & mask(prefix)) == base;
    }

    /** Claims {@code ip}; false if outside the range or taken. */
    public boolean allocate(String ip) {
        Long v = parse(ip);
        return v != null && contains(ip) && range.allocate((int) (v - base));
    }

    /** A free address, or null when the range is exhausted. */
    public String allocateNext() {
        int offset = range.allocateNext();
        return offset < 0 ? null : toIp(base + offset);
    }

    public void release(String ip) {
        Long v = parse(ip);
        if (v != null && contains(ip)) {
            range.release((int) (v - base));
        }
    }

    private static long mask(int prefix) {
        return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static Long parse(String ip) {
        if (ip == null || !ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        return toLong(ip);
    }

    private static long toLong(String ip) {
        try {
            byte[] b = InetAddress.getByName(ip).getAddress();
            return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
    }

    private static String toIp(long v) {
        return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
