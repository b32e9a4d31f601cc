package io.skiff.apiserver.request;

import io.skiff.api.errors.ApiException;

/**
 * What a resource path names: {@code /api/v1/namespaces/default/pods/nginx/status} →
 * group "", version v1, namespace default, resource pods, name nginx, subresource status.
 *
 * @param namespace   null for cluster-scoped paths and all-namespace lists
 * @param name        null for collections
 * @param subresource null for the object itself
 * @param subpath     what follows the subresource (for proxy), or null
 */
public record RequestInfo(String group, String version, String namespace, String resource, String name,
                          String subresource, String subpath) {

    public boolean isCollection() {
        return name == null;
    }

    /** Parses the path below {@code /api} or {@code /apis}; returns null for discovery paths. */
    public static RequestInfo parse(String path) {
        String[] p = trim(path).split("/");
        int i;
        String group;
        String version;
        if (p.length >= 2 && p[0].equals("api")) {
            group = "";
            version = p[1];
            i = 2;
        } else if (p.length >= 3 && p[0].equals("apis")) {
            group = p[1];
            version = p[2];
            i = 3;
        } else {
            return null;
        }
        int rest = p.length - i;
        if (rest <= 0) {
            return null;
        }
        if (p[i].equals("namespaces") && rest >= 3) {
            // namespaces/{ns}/{resource}[/{name}[/{sub}[/...]]]
            String ns = p[i + 1];
            if (p[i + 2].equals("status") || p[i + 2].equals("finalize")) {
                if (rest == 3) {
                    return new RequestInfo(group, version, null, "namespaces", ns, p[i + 2], null);
                }
            }
            return resourcePath(group, version, ns, p, i + 2);
        }
        return resourcePath(group, version, null, p, i);
    }

    private static RequestInfo resourcePath(String group, String version, String ns, String[] p, int i) {
        String resource = p[i];
        String name = i + 1 < p.length ? p[i + 1] : null;
        String sub = i + 2 < p.length ? p[i + 2] : null;
        String subpath = i + 3 < p.length ? String.join("/", java.util.Arrays.copyOfRange(p, i + 3, p.length)) : null;
        if (subpath != null && !"proxy".equals(sub)) {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        if (name != null && name.isEmpty()) {
            name = null;
        }
        return new RequestInfo(group, version, ns, resource, name, sub, subpath);
    }

    private static String trim(String path) {
        String s = path;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
