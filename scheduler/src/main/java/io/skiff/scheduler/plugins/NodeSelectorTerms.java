package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.skiff.scheduler.cache.NodeInfo;

import java.util.List;
import java.util.Map;

/**
 * Node selector terms as in Kubernetes: a term matches when all its requirements do (labels
 * through matchExpressions, {@code metadata.name} through matchFields); an empty term matches nothing.
 */
final class NodeSelectorTerms {
    private NodeSelectorTerms() {
    }

    /** Terms are ORed. */
    static boolean anyMatches(List<NodeSelectorTerm> terms, NodeInfo node) {
        for (NodeSelectorTerm t : terms) {
            if (matches(t, node)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(NodeSelectorTerm term, NodeInfo node) {
        List<NodeSelectorRequirement> exprs = orEmpty(term.getMatchExpressions());
        List<NodeSelectorRequirement> fields = orEmpty(term.getMatchFields());
        if (exprs.isEmpty() && fields.isEmpty()) {
            return false;
        }
        for (NodeSelectorRequirement r : exprs) {
            if (!matches(r, node.labels())) {
                return false;
            }
        }
        for (NodeSelectorRequirement r : fields) {
            if (!"metadata.name".equals(r.getKey()) || !matches(r, Map.of("metadata.name", node.name()))) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(NodeSelectorRequirement r, Map<String, String> labels) {
        String v = labels.get(r.getKey());
        List<String> values = orEmpty(r.getValues());
        return switch (r.getOperator()) {
            case "In" -> v != null && values.contains(v);
            case "NotIn" -> v == null || !values.contains(v);
            case "Exists" -> v != null;
            case "DoesNotExist" -> v == null;
            case "Gt" -> v != null && values.size() == 1 && compare(v, values.get(0)) > 0;
            case "Lt" -> v != null && values.size() == 1 && compare(v, values.get(0)) < 0;
            default -> false;
        };
    }

    /** Gt/Lt compare integers; a label that is not one never matches. */
    private static int compare(String label, String value) {
        try {
            return Long.compare(Long.parseLong(label), Long.parseLong(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
