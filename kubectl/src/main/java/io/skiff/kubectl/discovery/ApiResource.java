package io.skiff.kubectl.discovery;

import java.util.List;

/** One resource as discovery lists it. */
public record ApiResource(String group, String version, String resource, String singular, String kind,
                          boolean namespaced, List<String> shortNames, List<String> categories,
                          List<String> verbs, List<String> subresources) {

    public String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** "pods" or "deployments.apps": how kubectl names the resource in messages. */
    public String qualified() {
        return group.isEmpty() ? resource : resource + "." + group;
    }

    /** "pod" or "deployment.apps": the prefix of {@code -o name} and of multi-type tables. */
    public String kindPrefix() {
        String k = kind.toLowerCase(java.util.Locale.ROOT);
        return group.isEmpty() ? k : k + "." + group;
    }

    /** The collection path, in a namespace or across all when {@code namespace} is null. */
    public String path(String namespace) {
        String base = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return namespaced && namespace != null ? base + "/namespaces/" + namespace + "/" + resource : base + "/" + resource;
    }

    public String path(String namespace, String name) {
        return path(namespace) + "/" + name;
    }

    public boolean matches(String name) {
        return resource.equals(name) || singular.equals(name) || shortNames.contains(name)
                || kind.equalsIgnoreCase(name);
    }
}
