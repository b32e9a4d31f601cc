package io.skiff.kubelet.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers the Node object and reports its status. The pod CIDR is, in order: the Node's
 * spec.podCIDR (set by NodeIpam or an earlier run), the configured one, or the lowest free
 * 10.244.N.0/24 among the cluster's nodes (written to spec.podCIDR, so it stays the node's).
 */
public final class NodeRegistrar {
    private static final Logger log = LoggerFactory.getLogger(NodeRegistrar.class);

    private final KubernetesClient client;
    private final String node;
    private NodeStatus lastSent;
    private String uid;

    public NodeRegistrar(KubernetesClient client, String node) {
        this.client = client;
        this.node = node;
    }

    /** Creates or adopts the Node; returns its pod CIDR. */
    public String register(MachineInfo m, String configuredCidr) {
        for (int attempt = 0; ; attempt++) {
            Node existing = client.nodes().withName(node).get();
            if (existing != null) {
                uid = existing.getMetadata().getUid();
                lastSent = existing.getStatus();
                String cidr = existing.getSpec() != null ? existing.getSpec().getPodCIDR() : null;
                if (cidr == null) {
                    cidr = configuredCidr != null ? configuredCidr : freeCidr();
                    client.nodes().withName(node).patch(PatchContext.of(PatchType.JSON_MERGE),
                            Serialization.asJson(Map.of("spec", Map.of("podCIDR", cidr, "podCIDRs", List.of(cidr)))));
                }
                log.info("node {} registered (existing), pod CIDR {}", node, cidr);
                return cidr;
            }
            String cidr = configuredCidr != null ? configuredCidr : freeCidr();
            Node n = new NodeBuilder().withNewMetadata().withName(node)
                    .addToLabels("kubernetes.io/hostname", node).addToLabels("kubernetes.io/os", "linux")
                    .addToLabels("kubernetes.io/arch", m.architecture()).addToLabels("beta.kubernetes.io/os", "linux")
                    .addToLabels("beta.kubernetes.io/arch", m.architecture())
                    .endMetadata().withNewSpec().withPodCIDR(cidr).withPodCIDRs(cidr).endSpec().build();
            try {
                uid = client.nodes().resource(n).create().getMetadata().getUid();
                log.info("node {} registered, pod CIDR {}", node, cidr);
                return cidr;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt > 3) {
                    throw e;
                }
            }
        }
    }

    public String uid() {
        return uid;
    }

    public NodeStatus lastSent() {
        return lastSent;
    }

    /** PATCHes the status when anything but heartbeat times changed, or when {@code heartbeat} asks for it. */
    public void report(NodeStatus status, boolean heartbeat) {
        if (!heartbeat && lastSent != null && withoutHeartbeat(lastSent).equals(withoutHeartbeat(status))) {
            return;
        }
        client.nodes().withName(node).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
        lastSent = status;
    }

    private static String withoutHeartbeat(NodeStatus s) {
        NodeStatus copy = Serialization.clone(s);
        if (copy.getConditions() != null) {
            copy.getConditions().forEach(c -> c.setLastHeartbeatTime(null));
        }
        copy.setImages(null);
        return Serialization.asJson(copy);
    }

    private String freeCidr() {
        Set<String> used = new HashSet<>();
        for (Node n : client.nodes().list().getItems()) {
            if (n.getSpec() != null && n.getSpec().getPodCIDR() != null) {
                used.add(n.getSpec().getPodCIDR());
            }
        }
        for (int i = 0; i < 256; i++) {
            String cidr = "10.244." + i + ".0/24";
            if (!used.contains(cidr)) {
                return cidr;
            }
        }
        throw new IllegalStateException("no free /24 left in 10.244.0.0/16");
    }
}
