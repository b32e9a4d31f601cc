package io.skiff.kubelet.server;

import java.util.Arrays;
import java.util.List;

/** The remote-command WebSocket subprotocols the kubelet speaks, best first; kubectl 1.32 offers v5 first. */
final class ExecProtocols {
    static final List<String> SUPPORTED = List.of("v5.channel.k8s.io", "v4.channel.k8s.io", "channel.k8s.io");

    private ExecProtocols() {
    }

    /** The best supported protocol among those the client offered (a comma-separated header), or null. */
    static String choose(String offered) {
        if (offered == null) {
            return null;
        }
        List<String> asked = Arrays.stream(offered.split(",")).map(String::trim).toList();
        return SUPPORTED.stream().filter(asked::contains).findFirst().orElse(null);
    }
}
