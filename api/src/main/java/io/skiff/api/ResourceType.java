package io.skiff.api;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;

/**
 * One served resource: what discovery lists, what a REST path names, which model class holds it.
 *
 * @param group        API group, "" for the core group
 * @param version      served version (the storage version too)
 * @param plural       the resource name in paths, e.g. "pods"
 * @param subresources e.g. "status", "scale", "binding", "log", "exec", "portforward", "proxy"
 * @param model        the fabric8 model class
 */
public record ResourceType(String group, String version, String kind, String plural, String singular,
                           boolean namespaced, List<String> shortNames, List<String> categories,
                           List<String> subresources, Class<? extends HasMetadata> model) {

    public static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public String listKind() {
        return kind + "List";
    }

    /** "pods" or "deployments.apps": how errors and RBAC name the resource. */
    public String qualifiedPlural() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    public boolean hasSubresource(String name) {
        return subresources.contains(name);
    }

    /** Prefix of this resource's keys in the store: {@code /registry/<group>/<plural>/}. */
    public String storePrefix() {
        return "/registry/" + (group.isEmpty() ? "" : group + "/") + plural + "/";
    }

    /** Store key of one object; {@code namespace} is ignored for cluster-scoped resources. */
    public String storeKey(String namespace, String name) {
        return namespaced ? storePrefix() + namespace + "/" + name : storePrefix() + name;
    }

    /** Store prefix of one namespace's objects, or of all objects when {@code namespace} is null. */
    public String storePrefix(String namespace) {
        return namespaced && namespace != null ? storePrefix() + namespace + "/" : storePrefix();
    }
}
