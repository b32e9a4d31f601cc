package io.skiff.kubelet.node;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** The node's heartbeat: a Lease named after the node in kube-node-lease, renewed every 10 s (40 s duration). */
public final class NodeLease {
    public static final String NAMESPACE = "kube-node-lease";
    private static final Logger log = LoggerFactory.getLogger(NodeLease.class);

    private final KubernetesClient client;
    private final String node;

    public NodeLease(KubernetesClient client, String node) {
        this.client = client;
        this.node = node;
    }

    public void renew(String nodeUid) {
        try {
            var res = client.leases().inNamespace(NAMESPACE).withName(node);
            Lease lease = res.get();
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            if (lease == null) {
                client.leases().inNamespace(NAMESPACE).resource(new LeaseBuilder().withNewMetadata().withName(node)
                        .withNamespace(NAMESPACE).withOwnerReferences(new OwnerReference("v1", false, null, "Node", node, nodeUid))
                        .endMetadata().withNewSpec().withHolderIdentity(node).withLeaseDurationSeconds(40)
                        .withRenewTime(now).endSpec().build()).create();
            } else {
                lease.getSpec().setRenewTime(now);
                lease.getSpec().setHolderIdentity(node);
                client.leases().inNamespace(NAMESPACE).resource(lease).update();
            }
        } catch (KubernetesClientException e) {
            log.warn("renewing the node lease failed: {}", e.getMessage());
        }
    }
}
