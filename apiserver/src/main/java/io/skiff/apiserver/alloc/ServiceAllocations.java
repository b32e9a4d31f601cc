package io.skiff.apiserver.alloc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.errors.ApiException;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Assigns cluster IPs and node ports to Services on create and update, and gives them back on
 * delete. Explicit values are honoured if free; taken or out-of-range ones are rejected with
 * Kubernetes' messages. Each call returns an {@link Allocation} to commit or roll back, so a
 * failed write never leaks an address.
 */
public final class ServiceAllocations {
    private final ClusterIpAllocator ips;
    private final NodePortAllocator ports;

    public ServiceAllocations(ClusterIpAllocator ips, NodePortAllocator ports) {
        this.ips = ips;
        this.ports = ports;
    }

    public ClusterIpAllocator ips() {
        return ips;
    }

    /** Marks what a stored service holds as used (startup, or a service written by another API server). */
    public void restore(JsonNode svc) {
        String ip = svc.path("spec").path("clusterIP").asText("");
        if (!ip.isEmpty() && !ip.equals("None")) {
            ips.allocate(ip);
        }
        for (int p : nodePorts(svc)) {
            ports.allocate(p);
        }
    }

    /** Allocates for a new service (mutating {@code svc}); roll back if the create fails. */
    public Allocation allocateCreate(ObjectNode svc) {
        return allocate(svc, null);
    }

    /** Allocates what an update adds and notes what it frees; commit after the write succeeds. */
    public Allocation allocateUpdate(ObjectNode svc, JsonNode old) {
        return allocate(svc, old);
    }

    /** Releases what a deleted service held. */
    public void release(JsonNode svc) {
        String ip = svc.path("spec").path("clusterIP").asText("");
        if (!ip.isEmpty() && !ip.equals("None")) {
            ips.release(ip);
        }
        for (int p : nodePorts(svc)) {
            ports.release(p);
        }
    }

    private Allocation allocate(ObjectNode svc, JsonNode old) {
        Allocation a = new Allocation();
        try {
            ObjectNode spec = svc.with("spec");
            String type = spec.path("type").asText("ClusterIP");
            String name = svc.path("metadata").path("name").asText();
            List<FieldError> errors = new ArrayList<>();
            if (!type.equals("ExternalName")) {
                String oldIp = old == null ? "" : old.path("spec").path("clusterIP").asText("");
                String ip = spec.path("clusterIP").asText("");
                if (ip.isEmpty() && !oldIp.isEmpty()) {
                    spec.put("clusterIP", oldIp); // an update that omits the IP keeps it
                    ip = oldIp;
                }
                if (ip.isEmpty()) {
                    String next = ips.allocateNext();
                    if (next == null) {
                        throw ApiException.internal("failed to allocate a serviceIP: range is full");
                    }
                    a.ips.add(next);
                    spec.put("clusterIP", next);
                    spec.putArray("clusterIPs").add(next);
                } else if (!ip.equals("None") && !ip.equals(oldIp)) {
                    if (!ips.contains(ip)) {
                        errors.add(FieldError.invalid("spec.clusterIPs[0]", ip, "failed to allocate IP " + ip
                                + ": provided IP is not in the valid range. The range of valid IPs is " + ips.cidr()));
                    } else if (!ips.allocate(ip)) {
                        errors.add(FieldError.invalid("spec.clusterIPs[0]", ip, "failed to allocate IP " + ip
                                + ": provided IP is already allocated"));
                    } else {
                        a.ips.add(ip);
                    }
                }
                if (!spec.has("clusterIPs") && !spec.path("clusterIP").asText("").isEmpty()) {
                    spec.putArray("clusterIPs").add(spec.path("clusterIP").asText());
                }
            }
            Set<Integer> oldPorts = old == null ? Set.of() : new HashSet<>(nodePorts(old));
            boolean wantsNodePorts = type.equals("NodePort") || type.equals("LoadBalancer");
            int i = 0;
            for (JsonNode port : spec.path("ports")) {
                ObjectNode p = (ObjectNode) port;
                int np = p.path("nodePort").asInt(0);
                if (!wantsNodePorts) {
                    if (np != 0) {
                        errors.add(FieldError.forbidden("spec.ports[" + i + "].nodePort", "may not be used when `type` is '" + type + "'"));
                    }
                } else if (np == 0) {
                    int next = ports.allocateNext();
                    if (next < 0) {
                        throw ApiException.internal("failed to allocate a nodePort: range is full");
                    }
                    a.ports.add(next);
                    p.put("nodePort", next);
                } else if (!oldPorts.contains(np)) {
                    if (!ports.contains(np)) {
                        errors.add(FieldError.invalid("spec.ports[" + i + "].nodePort", np, "provided port is not in the valid range. The range of valid ports is " + ports.rangeText()));
                    } else if (!ports.allocate(np)) {
                        errors.add(FieldError.invalid("spec.ports[" + i + "].nodePort", np, "provided port is already allocated"));
                    } else {
                        a.ports.add(np);
                    }
                }
                i++;
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid("", "Service", name, errors);
            }
            if (old != null) {
                String oldIp = old.path("spec").path("clusterIP").asText("");
                if (!oldIp.isEmpty() && !oldIp.equals(spec.path("clusterIP").asText(""))) {
                    a.freedIps.add(oldIp);
                }
                Set<Integer> kept = new HashSet<>(nodePorts(svc));
                for (int p : oldPorts) {
                    if (!kept.contains(p)) {
                        a.freedPorts.add(p);
                    }
                }
            }
            return a;
        } catch (RuntimeException e) {
            a.rollback();
            throw e;
        }
    }

    private static List<Integer> nodePorts(JsonNode svc) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode p : svc.path("spec").path("ports")) {
            int np = p.path("nodePort").asInt(0);
            if (np > 0) {
                out.add(np);
            }
        }
        return out;
    }

    /** What one write claimed and what it will free once it is stored. */
    public final class Allocation {
        private final List<String> ips = new ArrayList<>();
        private final List<Integer> ports = new ArrayList<>();
        private final List<String> freedIps = new ArrayList<>();
        private final List<Integer> freedPorts = new ArrayList<>();

        /** The write is stored: free what it gave up. */
        public void commit() {
            freedIps.forEach(ServiceAllocations.this.ips::release);
            freedPorts.forEach(ServiceAllocations.this.ports::release);
        }

        /** The write failed: give back what it claimed. */
        public void rollback() {
            ips.forEach(ServiceAllocations.this.ips::release);
            ports.forEach(ServiceAllocations.this.ports::release);
        }
    }
}
