package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.skiff.client.Controller;
import io.skiff.client.Informers;
import io.skiff.client.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches node heartbeats (the node's Lease in {@code kube-node-lease}, and its Ready
 * condition's heartbeat). A node not heard from for the grace period gets its conditions set
 * to Unknown ("Kubelet stopped posting node status."), the
 * {@code node.kubernetes.io/unreachable} NoSchedule and NoExecute taints, and its pods marked
 * not ready; a node whose kubelet reports Ready=False gets the {@code not-ready} taints. Pods on
 * a NoExecute-tainted node are evicted (deleted) once their toleration runs out: the pod's own
 * {@code tolerationSeconds}, or the pod eviction timeout (300 s) when it sets none, as
 * Kubernetes' default tolerations do. Keys are node names; each node is looked at again
 * periodically because silence produces no events.
 *
 * <p>Heartbeats are timed by this process's clock when it sees them change, not by the
 * timestamps they carry, so clock skew between machines does not matter.
 */
public final class NodeLifecycleController implements AutoCloseable {
    static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    static final String NOT_READY = "node.kubernetes.io/not-ready";
    private static final String NODE_NAME_INDEX = "spec.nodeName";
    private static final Logger log = LoggerFactory.getLogger(NodeLifecycleController.class);

    private final KubernetesClient client;
    private final SharedIndexInformer<Node> nodes;
    private final SharedIndexInformer<Lease> leases;
    private final SharedIndexInformer<Pod> pods;
    private final Duration gracePeriod;
    private final Duration evictionTimeout;
    private final Map<String, Heartbeat> heartbeats = new ConcurrentHashMap<>();
    private final Controller controller;

    /** The last heartbeat seen for a node, and when (by our clock) it was seen to change. */
    private record Heartbeat(String leaseRenew, String readyHeartbeat, Instant observedAt) {
    }

    public NodeLifecycleController(KubernetesClient client, Informers informers, Duration gracePeriod, Duration evictionTimeout) {
        this.client = client;
        this.nodes = informers.of(Node.class);
        this.leases = informers.of(Lease.class);
        this.pods = informers.of(Pod.class);
        this.gracePeriod = gracePeriod;
        this.evictionTimeout = evictionTimeout;
        pods.addIndexers(Map.of(NODE_NAME_INDEX, p -> p.getSpec() == null || p.getSpec().getNodeName() == null
                ? List.of() : List.of(p.getSpec().getNodeName())));
        this.controller = new Controller("NodeLifecycle", this::reconcile)
                .watch(nodes)
                .watchMapped(leases, l -> "kube-node-lease".equals(l.getMetadata().getNamespace())
                        ? List.of(l.getMetadata().getName()) : List.of());
    }

    public void start(int workers) {
        controller.start(workers);
    }

    Result reconcile(String name) {
        Node node = nodes.getIndexer().getByKey(name);
        if (node == null) {
            heartbeats.remove(name);
            return Result.done();
        }
        Instant now = Instant.now();
        Instant lastSeen = observeHeartbeat(node, now);
        Optional<NodeCondition> ready = condition(node, "Ready");
        boolean silent = Duration.between(lastSeen, now).compareTo(gracePeriod) > 0;
        if (silent && !ready.map(c -> "Unknown".equals(c.getStatus())).orElse(false)) {
            markUnknown(node, now);
            return Result.requeueAfter(Duration.ofSeconds(1));
        }
        String readyStatus = ready.map(NodeCondition::getStatus).orElse("Unknown");
        String wantedTaint = silent || "Unknown".equals(readyStatus) ? UNREACHABLE
                : "False".equals(readyStatus) ? NOT_READY : null;
        // a node that never reported Ready is still coming up: no taint until it has been silent
        if (ready.isEmpty() && !silent) {
            wantedTaint = null;
        }
        node = syncTaints(node, wantedTaint, now);
        Result next = Result.requeueAfter(recheckPeriod());
        if (wantedTaint != null) {
            next = next.sooner(evictPods(node, wantedTaint, now));
        }
        return next;
    }

    private Duration recheckPeriod() {
        Duration quarter = gracePeriod.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : quarter.isZero() ? Duration.ofMillis(250) : quarter;
    }

    private Instant observeHeartbeat(Node node, Instant now) {
        String name = node.getMetadata().getName();
        Lease lease = leases.getIndexer().getByKey("kube-node-lease/" + name);
        String renew = lease == null || lease.getSpec() == null || lease.getSpec().getRenewTime() == null
                ? null : lease.getSpec().getRenewTime().toString();
        String beat = condition(node, "Ready").map(NodeCondition::getLastHeartbeatTime).orElse(null);
        Heartbeat previous = heartbeats.get(name);
        if (previous == null || !Objects.equals(previous.leaseRenew(), renew) || !Objects.equals(previous.readyHeartbeat(), beat)) {
            heartbeats.put(name, new Heartbeat(renew, beat, now));
            return now;
        }
        return previous.observedAt();
    }

    private void markUnknown(Node node, Instant now) {
        Node copy = client.getKubernetesSerialization().clone(node);
        if (copy.getStatus() == null) {
            copy.setStatus(new io.fabric8.kubernetes.api.model.NodeStatus());
        }
        String t = now.truncatedTo(ChronoUnit.SECONDS).toString();
        List<NodeCondition> conditions = copy.getStatus().getConditions() == null ? new ArrayList<>()
                : new ArrayList<>(copy.getStatus().getConditions());
        if (conditions.stream().noneMatch(c -> "Ready".equals(c.getType()))) {
            conditions.add(new NodeCondition(null, null, null, null, null, "Ready"));
        }
        for (NodeCondition c : conditions) {
            if (!"Unknown".equals(c.getStatus())) {
                c.setStatus("Unknown");
                c.setReason("NodeStatusUnknown");
                c.setMessage("Kubelet stopped posting node status.");
                c.setLastTransitionTime(t);
            }
        }
        copy.getStatus().setConditions(conditions);
        client.resource(copy).updateStatus();
        log.info("node {} stopped posting status for more than {}s: Ready=Unknown", node.getMetadata().getName(),
                gracePeriod.toSeconds());
        markPodsNotReady(node.getMetadata().getName(), t);
    }

    private void markPodsNotReady(String nodeName, String time) {
        for (Pod pod : pods.getIndexer().byIndex(NODE_NAME_INDEX, nodeName)) {
            if (!Pods.isReady(pod)) {
                continue;
            }
            try {
                client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                        .subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                                "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\",\"lastTransitionTime\":\""
                                        + time + "\"}]}}");
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
        }
    }

    /** Keeps exactly the wanted lifecycle taint (NoSchedule and NoExecute) on the node; returns the node as stored. */
    private Node syncTaints(Node node, String wanted, Instant now) {
        List<Taint> taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
        List<Taint> kept = new ArrayList<>();
        for (Taint t : taints) {
            boolean ours = UNREACHABLE.equals(t.getKey()) || NOT_READY.equals(t.getKey());
            if (!ours || t.getKey().equals(wanted)) {
                kept.add(t);
            }
        }
        if (wanted != null) {
            String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
            for (String effect : List.of("NoSchedule", "NoExecute")) {
                if (kept.stream().noneMatch(t -> wanted.equals(t.getKey()) && effect.equals(t.getEffect()))) {
                    kept.add(new TaintBuilder().withKey(wanted).withEffect(effect)
                            .withTimeAdded("NoExecute".equals(effect) ? time : null).build());
                }
            }
        }
        if (kept.equals(taints)) {
            return node;
        }
        Node copy = client.getKubernetesSerialization().clone(node);
        if (copy.getSpec() == null) {
            copy.setSpec(new io.fabric8.kubernetes.api.model.NodeSpec());
        }
        copy.getSpec().setTaints(kept);
        log.info("node {}: taints now {}", node.getMetadata().getName(),
                kept.stream().map(t -> t.getKey() + ":" + t.getEffect()).toList());
        return client.nodes().resource(copy).update();
    }

    /** Deletes pods whose toleration of the taint ran out; asks to come back when the next one will. */
    private Result evictPods(Node node, String taintKey, Instant now) {
        Taint taint = node.getSpec() == null || node.getSpec().getTaints() == null ? null : node.getSpec().getTaints().stream()
                .filter(t -> taintKey.equals(t.getKey()) && "NoExecute".equals(t.getEffect())).findFirst().orElse(null);
        if (taint == null) {
            return Result.done();
        }
        Instant since = taint.getTimeAdded() == null ? now : Instant.parse(taint.getTimeAdded());
        Result next = Result.done();
        for (Pod pod : pods.getIndexer().byIndex(NODE_NAME_INDEX, node.getMetadata().getName())) {
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            Optional<Duration> tolerated = toleration(pod, taint);
            if (tolerated.isEmpty()) {
                continue; // tolerates it forever
            }
            Instant evictAt = since.plus(tolerated.get());
            if (now.isBefore(evictAt)) {
                next = next.sooner(Result.requeueAfter(Duration.between(now, evictAt).plusMillis(100)));
                continue;
            }
            log.info("evicting pod {}/{} from node {} ({} for {}s)", pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                    node.getMetadata().getName(), taintKey, tolerated.get().toSeconds());
            try {
                client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
        }
        return next;
    }

    /**
     * How long the pod tolerates the taint: empty for ever, zero for not at all. A pod with no
     * toleration for the lifecycle taints gets the eviction timeout, as Kubernetes'
     * DefaultTolerationSeconds admission would have given it.
     */
    Optional<Duration> toleration(Pod pod, Taint taint) {
        List<Toleration> tolerations = pod.getSpec() == null || pod.getSpec().getTolerations() == null
                ? List.of() : pod.getSpec().getTolerations();
        boolean any = false;
        Optional<Duration> best = Optional.of(Duration.ZERO);
        for (Toleration t : tolerations) {
            if (!tolerates(t, taint)) {
                continue;
            }
            any = true;
            if (t.getTolerationSeconds() == null) {
                return Optional.empty();
            }
            Duration d = Duration.ofSeconds(Math.max(0, t.getTolerationSeconds()));
            if (d.compareTo(best.get()) > 0) {
                best = Optional.of(d);
            }
        }
        return any ? best : Optional.of(evictionTimeout);
    }

    private static boolean tolerates(Toleration t, Taint taint) {
        if (t.getEffect() != null && !t.getEffect().isEmpty() && !t.getEffect().equals(taint.getEffect())) {
            return false;
        }
        if ("Exists".equals(t.getOperator())) {
            return t.getKey() == null || t.getKey().isEmpty() || t.getKey().equals(taint.getKey());
        }
        return taint.getKey().equals(t.getKey()) && Objects.equals(t.getValue() == null ? "" : t.getValue(),
                taint.getValue() == null ? "" : taint.getValue());
    }

    private static Optional<NodeCondition> condition(Node node, String type) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return node.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    @Override
    public void close() {
        controller.close();
    }
}
