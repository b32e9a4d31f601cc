package io.skiff.scheduler.cache;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.List;

/** A host port a pod claims on its node: protocol, host IP (0.0.0.0 = every address) and port. */
public record HostPort(String protocol, String ip, int port) {
    private static final String ANY = "0.0.0.0";

    /** Two claims collide on the same protocol and port unless they bind different specific IPs. */
    public boolean conflictsWith(HostPort o) {
        return port == o.port && protocol.equals(o.protocol) && (ip.equals(o.ip) || ip.equals(ANY) || o.ip.equals(ANY));
    }

    public static List<HostPort> of(Pod pod) {
        List<HostPort> ports = new ArrayList<>();
        if (pod.getSpec() == null) {
            return ports;
        }
        List<Container> all = new ArrayList<>(pod.getSpec().getContainers() == null ? List.of() : pod.getSpec().getContainers());
        for (Container c : all) {
            for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
                if (p.getHostPort() != null && p.getHostPort() > 0) {
                    String ip = p.getHostIP() == null || p.getHostIP().isEmpty() ? ANY : p.getHostIP();
                    ports.add(new HostPort(p.getProtocol() == null ? "TCP" : p.getProtocol(), ip, p.getHostPort()));
                }
            }
        }
        return ports;
    }
}
