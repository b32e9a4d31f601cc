package io.skiff.apiserver.auth;

/**
 * What a request asks to do, as RBAC reads it: a verb on a resource (with group, subresource,
 * namespace and name) or on a non-resource path such as {@code /apis}.
 */
public record RequestAttributes(UserInfo user, String verb, boolean resourceRequest, String apiGroup, String resource,
                                String subresource, String namespace, String name, String path) {

    public static RequestAttributes resource(UserInfo user, String verb, String group, String resource, String subresource,
                                             String namespace, String name) {
        return new RequestAttributes(user, verb, true, group, resource, subresource, namespace, name, null);
    }

    public static RequestAttributes nonResource(UserInfo user, String verb, String path) {
        return new RequestAttributes(user, verb, false, null, null, null, null, null, path);
    }

    /** Kubernetes' 403 wording: {@code pods "x" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "team"}. */
    public String forbiddenMessage() {
        if (!resourceRequest) {
            return "forbidden: User \"" + user.name() + "\" cannot " + verb + " path \"" + path + "\"";
        }
        String qualified = apiGroup.isEmpty() ? resource : resource + "." + apiGroup;
        String full = subresource == null ? resource : resource + "/" + subresource;
        return qualified + (name == null ? "" : " \"" + name + "\"") + " is forbidden: User \"" + user.name() + "\" cannot "
                + verb + " resource \"" + full + "\" in API group \"" + apiGroup + "\""
                + (namespace == null ? " at the cluster scope" : " in the namespace \"" + namespace + "\"");
    }
}
