package io.skiff.scheduler.cache;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.framework.ClusterView;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes and the pods placed on them: bound pods as the informers report them, plus pods the
 * scheduler has <em>assumed</em> onto a node while their binding is in flight, so the next
 * attempt already sees the resources as used.
 *
 * <p>Contract: every method is synchronized on this object; the scheduling cycle holds the same
 * monitor while it filters and scores, so it reads one consistent state without copying it.
 * An assumed pod stays until the informer confirms the binding ({@link #addPod}) or the
 * scheduler gives it up ({@link #forgetPod}).
 */
public final class SchedulerCache implements ClusterView {
    private final Map<String, NodeInfo> nodes = new HashMap<>();
    /** Nodes that have a Node object, in insertion order; what filtering iterates. */
    private final List<NodeInfo> nodeList = new ArrayList<>();
    private final List<NodeInfo> nodeListView = Collections.unmodifiableList(nodeList);
    private final Map<String, PodState> pods = new HashMap<>();
    private int podsWithRequiredAntiAffinity;

    private record PodState(PodInfo info, String nodeName, boolean assumed) {
    }

    public synchronized void addNode(Node node) {
        NodeInfo info = nodes.computeIfAbsent(node.getMetadata().getName(), NodeInfo::new);
        if (info.node() == null) {
            nodeList.add(info);
        }
        info.setNode(node);
    }

    public synchronized void updateNode(Node node) {
        addNode(node);
    }

    public synchronized void removeNode(String name) {
        NodeInfo info = nodes.get(name);
        if (info == null) {
            return;
        }
        nodeList.remove(info);
        if (info.podCount() == 0) {
            nodes.remove(name);
        } else {
            // Pods still bound there hold their resources until they are deleted; keep them, hidden.
            info.clearNode();
        }
    }

    /** A bound pod seen by the informer; confirms it if it was assumed. Terminated pods are ignored. */
    public synchronized void addPod(Pod pod) {
        String key = PodInfo.key(pod);
        PodState old = pods.get(key);
        if (old != null) {
            remove(key, old);
        }
        if (terminated(pod)) {
            return;
        }
        place(PodInfo.of(pod), pod.getSpec().getNodeName(), false);
    }

    public synchronized void updatePod(Pod pod) {
        addPod(pod);
    }

    public synchronized void removePod(Pod pod) {
        String key = PodInfo.key(pod);
        PodState old = pods.get(key);
        if (old != null) {
            remove(key, old);
        }
    }

    /** Places the pod on the node before its binding is confirmed. */
    public synchronized void assumePod(Pod pod, String nodeName) {
        String key = PodInfo.key(pod);
        if (pods.containsKey(key)) {
            throw new IllegalStateException("pod " + key + " is already in the cache");
        }
        place(PodInfo.of(pod), nodeName, true);
    }

    /** Undoes {@link #assumePod} after a failed binding; a confirmed pod is left alone. */
    public synchronized void forgetPod(Pod pod) {
        String key = PodInfo.key(pod);
        PodState s = pods.get(key);
        if (s != null && s.assumed()) {
            remove(key, s);
        }
    }

    public synchronized boolean isAssumed(Pod pod) {
        PodState s = pods.get(PodInfo.key(pod));
        return s != null && s.assumed();
    }

    @Override
    public synchronized List<NodeInfo> nodes() {
        return nodeListView;
    }

    @Override
    public synchronized NodeInfo node(String name) {
        NodeInfo n = nodes.get(name);
        return n == null || n.node() == null ? null : n;
    }

    @Override
    public synchronized int podsWithRequiredAntiAffinity() {
        return podsWithRequiredAntiAffinity;
    }

    public synchronized int podCount() {
        return pods.size();
    }

    private void place(PodInfo info, String nodeName, boolean assumed) {
        nodes.computeIfAbsent(nodeName, NodeInfo::new).addPod(info);
        pods.put(info.key(), new PodState(info, nodeName, assumed));
        if (info.requiredAntiAffinity()) {
            podsWithRequiredAntiAffinity++;
        }
    }

    private void remove(String key, PodState s) {
        pods.remove(key);
        NodeInfo n = nodes.get(s.nodeName());
        if (n != null) {
            n.removePod(key);
            if (n.node() == null && n.podCount() == 0) {
                nodes.remove(n.name());
            }
        }
        if (s.info().requiredAntiAffinity()) {
            podsWithRequiredAntiAffinity--;
        }
    }

    private static boolean terminated(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }
}
