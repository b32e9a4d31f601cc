package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.skiff.api.selector.LabelSelector;
import io.skiff.scheduler.cache.PodInfo;

import java.util.List;
import java.util.Set;

/**
 * A pod (anti-)affinity term, parsed once: which pods it selects (label selector within its
 * namespaces) and the node label that defines "the same place" (topologyKey).
 *
 * <p>Namespaces: the listed ones, or the owning pod's own when none are listed; an empty
 * {@code namespaceSelector} ({@code {}}) selects every namespace. A non-empty namespaceSelector
 * is not evaluated (the scheduler does not watch namespaces) and adds nothing.
 */
record PodAffinityTermMatcher(String topologyKey, Set<String> namespaces, LabelSelector selector, long weight) {

    static PodAffinityTermMatcher of(PodAffinityTerm t, String ownerNamespace, long weight) {
        Set<String> ns;
        boolean allNamespaces = t.getNamespaceSelector() != null
                && LabelSelector.from(t.getNamespaceSelector()).isEmpty()
                && (t.getNamespaces() == null || t.getNamespaces().isEmpty());
        if (allNamespaces) {
            ns = null;
        } else if (t.getNamespaces() != null && !t.getNamespaces().isEmpty()) {
            ns = Set.copyOf(t.getNamespaces());
        } else {
            ns = Set.of(ownerNamespace);
        }
        // A term without a label selector selects no pods, as in Kubernetes.
        LabelSelector sel = t.getLabelSelector() == null ? LabelSelector.nothing() : LabelSelector.from(t.getLabelSelector());
        return new PodAffinityTermMatcher(t.getTopologyKey(), ns, sel, weight);
    }

    static List<PodAffinityTermMatcher> of(List<PodAffinityTerm> terms, String ownerNamespace) {
        return terms == null ? List.of() : terms.stream().map(t -> of(t, ownerNamespace, 1)).toList();
    }

    boolean matches(PodInfo p) {
        return (namespaces == null || namespaces.contains(p.namespace())) && selector.matches(p.labels());
    }

    boolean matches(String namespace, java.util.Map<String, String> labels) {
        return (namespaces == null || namespaces.contains(namespace)) && selector.matches(labels);
    }
}
