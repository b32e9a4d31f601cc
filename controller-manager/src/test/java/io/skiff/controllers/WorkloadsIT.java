package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.skiff.controllers.TestCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ReplicationControllers, Endpoints/EndpointSlices, ServiceAccounts and NodeIpam against a real API server. */
class WorkloadsIT extends ControllersITBase {

    private List<Pod> livePods(String ns) {
        return cluster.client.pods().inNamespace(ns).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    @Test
    void aReplicationControllerAdoptsMatchingOrphansAndKeepsItsCount() {
        String ns = namespace("rc");
        cluster.client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("stray")
                .addToLabels("app", "myapp").endMetadata().withNewSpec().addNewContainer().withName("c").withImage("nginx")
                .endContainer().endSpec().build()).create();
        var rc = cluster.client.replicationControllers().inNamespace(ns).resource(new ReplicationControllerBuilder()
                .withNewMetadata().withName("myapp-rc").endMetadata()
                .withNewSpec().withReplicas(3).addToSelector("app", "myapp")
                .withNewTemplate().withNewMetadata().addToLabels("app", "myapp").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        try {
            await("3 pods, ready", WAIT, () -> livePods(ns).size() == 3 && cluster.client.replicationControllers().inNamespace(ns)
                    .withName("myapp-rc").get().getStatus().getReadyReplicas() == 3);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; pods: " + livePods(ns).stream().map(p -> p.getMetadata().getName()
                    + " ready=" + Pods.isReady(p) + " owners=" + p.getMetadata().getOwnerReferences().size()).toList()
                    + "; status: " + cluster.client.replicationControllers().inNamespace(ns).withName("myapp-rc").get().getStatus(), e);
        }
        Pod stray = cluster.client.pods().inNamespace(ns).withName("stray").get();
        assertEquals(rc.getMetadata().getUid(), stray.getMetadata().getOwnerReferences().get(0).getUid());
        assertEquals(Boolean.TRUE, stray.getMetadata().getOwnerReferences().get(0).getController());
        var status = cluster.client.replicationControllers().inNamespace(ns).withName("myapp-rc").get().getStatus();
        assertEquals(3, status.getReplicas());
        assertEquals(3, status.getFullyLabeledReplicas());
        assertEquals(3, status.getAvailableReplicas());
        assertEquals(1L, status.getObservedGeneration());

        // a pod whose labels stop matching is released and replaced
        TestCluster.retryOnConflict(() -> cluster.client.pods().inNamespace(ns).withName("stray").edit(p -> {
            p.getMetadata().getLabels().put("app", "debug");
            return p;
        }));
        await("released and replaced", WAIT, () -> cluster.client.pods().inNamespace(ns).withName("stray").get()
                .getMetadata().getOwnerReferences().isEmpty()
                && cluster.client.pods().inNamespace(ns).withLabel("app", "myapp").list().getItems().size() == 3);

        // deleting a pod brings a new one
        String victim = cluster.client.pods().inNamespace(ns).withLabel("app", "myapp").list().getItems().get(0).getMetadata().getName();
        cluster.client.pods().inNamespace(ns).withName(victim).delete();
        await("replaced", WAIT, () -> cluster.client.pods().inNamespace(ns).withLabel("app", "myapp").list().getItems().stream()
                .filter(p -> !p.getMetadata().getName().equals(victim)).count() == 3);
    }

    @Test
    void endpointsAndSlicesFollowPodReadinessWithinASecond() {
        String ns = namespace("svc");
        cluster.client.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().addToSelector("app", "web").addNewPort().withName("http").withPort(80)
                .withTargetPort(new IntOrString("web-port")).endPort().endSpec().build()).create();
        cluster.client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx")
                .addNewPort().withName("web-port").withContainerPort(8080).endPort().endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        await("3 ready addresses on port 8080", WAIT, () -> {
            Endpoints ep = cluster.client.endpoints().inNamespace(ns).withName("web").get();
            return ep.getSubsets().size() == 1 && ep.getSubsets().get(0).getAddresses().size() == 3
                    && ep.getSubsets().get(0).getPorts().get(0).getPort() == 8080
                    && "http".equals(ep.getSubsets().get(0).getPorts().get(0).getName());
        });
        await("a slice with 3 ready endpoints", WAIT, () -> readyInSlices(ns).size() == 3);
        EndpointSlice slice = slices(ns).get(0);
        assertEquals("web", slice.getMetadata().getLabels().get("kubernetes.io/service-name"));
        assertEquals("Service", slice.getMetadata().getOwnerReferences().get(0).getKind());
        assertEquals(8080, slice.getPorts().get(0).getPort());

        // nothing changes, so nothing is written: reconciles are idempotent
        String epVersion = cluster.client.endpoints().inNamespace(ns).withName("web").get().getMetadata().getResourceVersion();
        String sliceVersion = slices(ns).get(0).getMetadata().getResourceVersion();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(epVersion, cluster.client.endpoints().inNamespace(ns).withName("web").get().getMetadata().getResourceVersion());
        assertEquals(sliceVersion, slices(ns).get(0).getMetadata().getResourceVersion());

        Pod pod = livePods(ns).get(0);
        long start = System.nanoTime();
        kubelet.setStatus(ns, pod.getMetadata().getName(), null, false);
        await("the unready pod moves to notReadyAddresses", Duration.ofSeconds(1), () -> {
            EndpointSubset s = cluster.client.endpoints().inNamespace(ns).withName("web").get().getSubsets().get(0);
            return s.getAddresses().size() == 2 && s.getNotReadyAddresses().size() == 1
                    && pod.getMetadata().getName().equals(s.getNotReadyAddresses().get(0).getTargetRef().getName());
        });
        await("the slice marks it not ready", Duration.ofSeconds(1), () -> readyInSlices(ns).size() == 2);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
        kubelet.setStatus(ns, pod.getMetadata().getName(), null, true);
        await("ready again", Duration.ofSeconds(1), () -> readyInSlices(ns).size() == 3
                && cluster.client.endpoints().inNamespace(ns).withName("web").get().getSubsets().get(0).getAddresses().size() == 3);

        cluster.client.services().inNamespace(ns).withName("web").delete();
        await("endpoints and slices go with the service", WAIT, () -> cluster.client.endpoints().inNamespace(ns).withName("web").get() == null
                && slices(ns).isEmpty());
    }

    private List<EndpointSlice> slices(String ns) {
        return cluster.client.discovery().v1().endpointSlices().inNamespace(ns)
                .withLabel("kubernetes.io/service-name", "web").list().getItems();
    }

    private Set<String> readyInSlices(String ns) {
        return slices(ns).stream().flatMap(s -> s.getEndpoints().stream())
                .filter(e -> Boolean.TRUE.equals(e.getConditions().getReady()))
                .map(Endpoint::getAddresses).map(a -> a.get(0)).collect(Collectors.toSet());
    }

    @Test
    void everyNamespaceGetsADefaultServiceAccount() {
        String ns = namespace("accounts");
        await("default account", WAIT, () -> cluster.client.serviceAccounts().inNamespace(ns).withName("default").get() != null);
        cluster.client.serviceAccounts().inNamespace(ns).withName("default").withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        await("recreated", WAIT, () -> cluster.client.serviceAccounts().inNamespace(ns).withName("default").get() != null);
    }

    @Test
    void eachNodeGetsItsOwnSlash24() {
        for (String name : List.of("ipam-a", "ipam-b", "ipam-c")) {
            cluster.client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        }
        await("CIDRs assigned", WAIT, () -> List.of("ipam-a", "ipam-b", "ipam-c").stream()
                .allMatch(n -> cluster.client.nodes().withName(n).get().getSpec().getPodCIDR() != null));
        Set<String> cidrs = List.of("ipam-a", "ipam-b", "ipam-c").stream()
                .map(n -> cluster.client.nodes().withName(n).get()).map(Node::getSpec).map(s -> s.getPodCIDR()).collect(Collectors.toSet());
        assertEquals(3, cidrs.size());
        for (String cidr : cidrs) {
            assertTrue(cidr.matches("10\\.244\\.\\d+\\.0/24"), cidr);
        }
        Node a = cluster.client.nodes().withName("ipam-a").get();
        assertEquals(List.of(a.getSpec().getPodCIDR()), a.getSpec().getPodCIDRs());
        assertNotEquals(null, a.getSpec().getPodCIDR());
    }
}
