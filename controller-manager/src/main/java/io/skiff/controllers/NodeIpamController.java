package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.skiff.client.Controller;
import io.skiff.client.Informers;
import io.skiff.client.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Gives each node a /24 {@code podCIDR} out of the cluster CIDR (10.244.0.0/16 by default),
 * the lowest one no other node holds. Allocations are remembered in memory as well as read
 * from the cache, so two nodes registering at once never get the same range.
 */
public final class NodeIpamController implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeIpamController.class);
    private final KubernetesClient client;
    private final SharedIndexInformer<Node> nodes;
    private final Subnets subnets;
    private final Map<String, String> assigned = new HashMap<>();
    private final EventRecorder events;
    private final Controller controller;

    public NodeIpamController(KubernetesClient client, Informers informers, String clusterCidr) {
        this.client = client;
        this.nodes = informers.of(Node.class);
        this.subnets = new Subnets(clusterCidr);
        this.events = new EventRecorder(client, "node-ipam-controller");
        this.controller = new Controller("NodeIpam", this::reconcile).watch(nodes);
    }

    /** One worker: allocation must be serial. */
    public void start(int workers) {
        controller.start(1);
    }

    synchronized Result reconcile(String name) {
        Node node = nodes.getIndexer().getByKey(name);
        if (node == null) {
            assigned.remove(name);
            return Result.done();
        }
        String current = node.getSpec() == null ? null : node.getSpec().getPodCIDR();
        if (current != null && !current.isEmpty()) {
            assigned.put(name, current);
            return Result.done();
        }
        Set<String> taken = new HashSet<>(assigned.values());
        for (Node n : nodes.getIndexer().list()) {
            if (n.getSpec() != null && n.getSpec().getPodCIDR() != null) {
                taken.add(n.getSpec().getPodCIDR());
            }
        }
        var free = subnets.firstFree(taken);
        if (free.isEmpty()) {
            // not an error to retry fast: only a node leaving frees a range
            events.warning(node, "CIDRNotAvailable", "Node " + name + " status is now: CIDRNotAvailable");
            log.info("no /24 left in {} for node {}", subnets, name);
            return Result.requeueAfter(java.time.Duration.ofMinutes(1));
        }
        String cidr = free.get();
        client.nodes().withName(name).patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"podCIDR\":\"" + cidr + "\",\"podCIDRs\":[\"" + cidr + "\"]}}");
        assigned.put(name, cidr);
        log.info("node {} gets podCIDR {}", name, cidr);
        return Result.done();
    }

    @Override
    public void close() {
        controller.close();
    }
}
