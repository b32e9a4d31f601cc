package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.skiff.api.ResourceTypes;
import io.skiff.api.defaults.Defaults;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.skiff.api.validation.Fixtures.assertErrors;
import static io.skiff.api.validation.Fixtures.copy;
import static io.skiff.api.validation.Fixtures.validate;
import static io.skiff.api.validation.Fixtures.validateUpdate;

/** Namespaces, Nodes and Leases. */
class ClusterObjectsValidationTest {
    private static Node node() {
        Node n = new NodeBuilder().withNewMetadata().withName("node-1").endMetadata()
                .withNewSpec().withPodCIDR("10.244.1.0/24").withPodCIDRs("10.244.1.0/24").endSpec()
                .withNewStatus().addToCapacity("cpu", new Quantity("4")).addToCapacity("memory", new Quantity("8Gi"))
                .addToCapacity("pods", new Quantity("110")).endStatus().build();
        Defaults.apply(ResourceTypes.NODES, n);
        return n;
    }

    @Test
    void namespaces() {
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build();
        Defaults.apply(ResourceTypes.NAMESPACES, ns);
        assertErrors(validate(ResourceTypes.NAMESPACES, ns));
        ns.getSpec().setFinalizers(new ArrayList<>(List.of("kubernetes", "cleanup")));
        assertErrors(validate(ResourceTypes.NAMESPACES, ns),
                "spec.finalizers: Invalid value: \"cleanup\": name is neither a standard finalizer name nor is it fully qualified");
    }

    @Test
    void validNode() {
        assertErrors(validate(ResourceTypes.NODES, node()));
    }

    @Test
    void nodeTaintsAreReportedWhereKubernetesReportsThem() {
        Node n = node();
        n.getSpec().getTaints().add(new TaintBuilder().withKey("dedicated").withValue("gpu").withEffect("NoSchedule").build());
        n.getSpec().getTaints().add(new TaintBuilder().withKey("dedicated").withValue("cpu").withEffect("NoSchedule").build());
        n.getSpec().getTaints().add(new TaintBuilder().withKey("bad key").withEffect("").build());
        assertErrors(validate(ResourceTypes.NODES, n),
                "metadata.taints[1]: Duplicate value: core.Taint{Key:\"dedicated\", Value:\"cpu\", Effect:\"NoSchedule\", TimeAdded:<nil>}: taints must be unique by key and effect pair",
                "metadata.taints[2].key: Invalid value: \"bad key\": " + Fixtures.QUALIFIED_NAME_PART_MSG,
                "metadata.taints[2].effect: Required value");
    }

    @Test
    void nodeResourcesAndCidrs() {
        Node n = node();
        n.getStatus().getCapacity().put("pods", new Quantity("1.5"));
        n.getStatus().getAllocatable().put("memory", new Quantity("-1Gi"));
        n.getSpec().setPodCIDRs(new ArrayList<>(List.of("10.244.1.0/24", "10.245.0.0/16")));
        assertErrors(validate(ResourceTypes.NODES, n),
                "status.capacity.pods: Invalid value: 1500m: must be an integer",
                "status.allocatable.memory: Invalid value: \"-1Gi\": must be greater than or equal to 0",
                "spec.podCIDRs: Invalid value: []string{\"10.244.1.0/24\", \"10.245.0.0/16\"}: may specify no more than one CIDR for each IP family");
    }

    @Test
    void nodePodCidrIsSetOnce() {
        Node stored = node();
        Node changed = copy(stored);
        changed.getSpec().setPodCIDRs(new ArrayList<>(List.of("10.244.2.0/24")));
        changed.getSpec().setUnschedulable(true);
        assertErrors(validateUpdate(ResourceTypes.NODES, changed, stored),
                "spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid");
        Node cordoned = copy(stored);
        cordoned.getSpec().setUnschedulable(true);
        assertErrors(validateUpdate(ResourceTypes.NODES, cordoned, stored));
    }

    private static Lease lease() {
        return new LeaseBuilder().withNewMetadata().withName("kube-scheduler").withNamespace("kube-system").endMetadata()
                .withNewSpec().withHolderIdentity("skiff-1").withLeaseDurationSeconds(15).withLeaseTransitions(0).endSpec().build();
    }

    @Test
    void leases() {
        assertErrors(validate(ResourceTypes.LEASES, lease()));
        Lease bad = lease();
        bad.getSpec().setLeaseDurationSeconds(0);
        bad.getSpec().setLeaseTransitions(-1);
        bad.getSpec().setStrategy("Newest");
        assertErrors(validate(ResourceTypes.LEASES, bad),
                "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
                "spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0",
                "spec.strategy.strategy: Unsupported value: \"Newest\": supported values: \"OldestEmulationVersion\"");
        Lease preferred = lease();
        preferred.getSpec().setPreferredHolder("skiff-2");
        assertErrors(validate(ResourceTypes.LEASES, preferred),
                "spec.preferredHolder: Forbidden: may only be specified if `strategy` is defined");
    }

    @Test
    void leaseRenewalIsAnUpdate() {
        Lease stored = lease();
        Lease renewed = lease();
        renewed.getSpec().setHolderIdentity("skiff-2");
        renewed.getSpec().setLeaseTransitions(1);
        assertErrors(validateUpdate(ResourceTypes.LEASES, renewed, stored));
        // Leases are coordination.k8s.io objects: their finalizers need not be Kubernetes' standard ones.
        renewed.getMetadata().getFinalizers().add("cleanup");
        assertErrors(validateUpdate(ResourceTypes.LEASES, renewed, stored));
    }
}
