package io.skiff.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why no node fits, as Kubernetes words it: {@code 0/3 nodes are available: 1 node(s) had
 * untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory.} — each
 * reason prefixed by how many nodes gave it, the "count reason" strings sorted, joined by ", ".
 */
final class FitError {
    private final int numAllNodes;
    private final Map<String, Integer> reasons = new HashMap<>();
    private final Set<String> plugins = new HashSet<>();

    FitError(int numAllNodes) {
        this.numAllNodes = numAllNodes;
    }

    void add(String plugin, List<String> nodeReasons, int nodes) {
        plugins.add(plugin);
        for (String r : nodeReasons) {
            reasons.merge(r, nodes, Integer::sum);
        }
    }

    /** The plugins that rejected some node: only cluster events relevant to them requeue the pod. */
    Set<String> plugins() {
        return plugins;
    }

    String message() {
        if (numAllNodes == 0) {
            return "no nodes available to schedule pods";
        }
        List<String> parts = new ArrayList<>();
        reasons.forEach((reason, n) -> parts.add(n + " " + reason));
        parts.sort(null);
        return "0/" + numAllNodes + " nodes are available: " + String.join(", ", parts) + ".";
    }
}
