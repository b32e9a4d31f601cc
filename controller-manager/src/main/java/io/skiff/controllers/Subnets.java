package io.skiff.controllers;

import java.util.Optional;
import java.util.Set;

/** The /24 subnets of an IPv4 cluster CIDR (of prefix length 24 or shorter), in address order. */
final class Subnets {
    private final long base;
    private final int prefix;

    Subnets(String cidr) {
        String[] parts = cidr.split("/");
        this.prefix = Integer.parseInt(parts[1]);
        if (prefix > 24 || prefix < 8) {
            throw new IllegalArgumentException("cluster CIDR must be between /8 and /24: " + cidr);
        }
        long ip = 0;
        for (String octet : parts[0].split("\\.")) {
            ip = (ip << 8) | Integer.parseInt(octet);
        }
        this.base = ip & (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    int count() {
        return 1 << (24 - prefix);
    }

    String subnet(int index) {
        long ip = base + ((long) index << 8);
        return ((ip >> 24) & 255) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + ".0/24";
    }

    Optional<String> firstFree(Set<String> taken) {
        for (int i = 0; i < count(); i++) {
            String s = subnet(i);
            if (!taken.contains(s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return subnet(0).replace(".0/24", ".0") + "/" + prefix;
    }
}
