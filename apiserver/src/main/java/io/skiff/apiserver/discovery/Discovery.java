package io.skiff.apiserver.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.http.MediaTypes;
import io.skiff.apiserver.resource.Registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API discovery: the legacy documents (APIVersions, APIGroupList, APIGroup, APIResourceList)
 * and the aggregated {@code apidiscovery.k8s.io/v2} lists kubectl asks for first.
 */
public final class Discovery {
    private final Map<String, List<Served>> byGroupVersion = new LinkedHashMap<>();
    private final Map<String, List<String>> versionsByGroup = new LinkedHashMap<>();

    /**
     * One resource as served at one group-version. Legacy versions serve the apps/v1 type but
     * carry no short names or categories, so {@code get all} and {@code get deploy} mean apps/v1 only.
     */
    private record Served(String group, String version, ResourceType type, boolean legacy, List<String> verbs) {
        Served(String group, String version, ResourceType type, boolean legacy) {
            this(group, version, type, legacy, null);
        }

        List<String> shortNames() {
            return legacy ? List.of() : type.shortNames();
        }

        List<String> categories() {
            return legacy ? List.of() : type.categories();
        }
    }

    public Discovery(Registry registry) {
        registry.all().forEach(s -> add(s.type().group(), s.type().version(), s.type(), false));
        registry.legacyVersions().forEach(l -> add(l.group(), l.version(), l.servedAs(), true));
        // computed per request, never stored: create only
        reviews("authorization.k8s.io", "SelfSubjectAccessReview", "selfsubjectaccessreviews");
        reviews("authentication.k8s.io", "SelfSubjectReview", "selfsubjectreviews");
    }

    private void reviews(String group, String kind, String plural) {
        ResourceType t = new ResourceType(group, "v1", kind, plural, "", false, List.of(), List.of(), List.of(), null);
        byGroupVersion.computeIfAbsent(group + "/v1", k -> new ArrayList<>()).add(new Served(group, "v1", t, false, List.of("create")));
        versionsByGroup.computeIfAbsent(group, k -> new ArrayList<>()).add("v1");
    }

    private void add(String group, String version, ResourceType type, boolean legacy) {
        String gv = group.isEmpty() ? version : group + "/" + version;
        byGroupVersion.computeIfAbsent(gv, k -> new ArrayList<>()).add(new Served(group, version, type, legacy));
        List<String> versions = versionsByGroup.computeIfAbsent(group, k -> new ArrayList<>());
        if (!versions.contains(version)) {
            versions.add(version);
        }
    }

    /** GET /api */
    public void core(Context ctx) {
        if (wantsAggregated(ctx)) {
            writeAggregated(ctx, List.of(""));
            return;
        }
        ObjectNode v = Json.object().put("kind", "APIVersions");
        v.putArray("versions").add("v1");
        v.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", ctx.host() == null ? "" : ctx.host());
        json(ctx, v);
    }

    /** GET /apis */
    public void groups(Context ctx) {
        List<String> groups = versionsByGroup.keySet().stream().filter(g -> !g.isEmpty()).toList();
        if (wantsAggregated(ctx)) {
            writeAggregated(ctx, groups);
            return;
        }
        ObjectNode list = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode arr = list.putArray("groups");
        groups.forEach(g -> arr.add(group(g)));
        json(ctx, list);
    }

    /** GET /apis/{group} */
    public void group(Context ctx) {
        String g = ctx.pathParam("group");
        if (!versionsByGroup.containsKey(g) || g.isEmpty()) {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        json(ctx, group(g).put("kind", "APIGroup").put("apiVersion", "v1"));
    }

    /** GET /api/v1 or /apis/{group}/{version} */
    public void resources(Context ctx, String group, String version) {
        String gv = group.isEmpty() ? version : group + "/" + version;
        List<Served> served = byGroupVersion.get(gv);
        if (served == null) {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        ObjectNode list = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", gv);
        ArrayNode arr = list.putArray("resources");
        for (Served s : served) {
            ResourceType t = s.type();
            ObjectNode r = arr.addObject().put("name", t.plural()).put("singularName", t.singular())
                    .put("namespaced", t.namespaced()).put("kind", t.kind());
            verbs(r.putArray("verbs"), s);
            if (!s.shortNames().isEmpty()) {
                s.shortNames().forEach(r.putArray("shortNames")::add);
            }
            if (!s.categories().isEmpty()) {
                s.categories().forEach(r.putArray("categories")::add);
            }
            for (String sub : t.subresources()) {
                Subresource info = Subresource.of(t, sub);
                ObjectNode sr = arr.addObject().put("name", t.plural() + "/" + sub).put("singularName", "")
                        .put("namespaced", t.namespaced()).put("kind", info.kind());
                if (!info.group().equals(s.group()) || !info.version().equals(s.version())) {
                    sr.put("group", info.group()).put("version", info.version());
                }
                info.verbs().forEach(sr.putArray("verbs")::add);
            }
        }
        json(ctx, list);
    }

    private ObjectNode group(String g) {
        ObjectNode group = Json.object().put("name", g);
        ArrayNode versions = group.putArray("versions");
        List<String> vs = versionsByGroup.get(g);
        vs.forEach(v -> versions.addObject().put("groupVersion", g + "/" + v).put("version", v));
        group.putObject("preferredVersion").put("groupVersion", g + "/" + vs.get(0)).put("version", vs.get(0));
        return group;
    }

    private void writeAggregated(Context ctx, List<String> groups) {
        boolean v2 = !ctx.header("Accept").contains("v=v2beta1") || ctx.header("Accept").indexOf("v=v2;") >= 0
                && ctx.header("Accept").indexOf("v=v2;") < ctx.header("Accept").indexOf("v=v2beta1");
        ObjectNode list = Json.object().put("kind", "APIGroupDiscoveryList")
                .put("apiVersion", v2 ? "apidiscovery.k8s.io/v2" : "apidiscovery.k8s.io/v2beta1");
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        for (String g : groups) {
            ObjectNode item = items.addObject();
            item.putObject("metadata").put("name", g);
            ArrayNode versions = item.putArray("versions");
            for (String v : versionsByGroup.get(g)) {
                ObjectNode ver = versions.addObject().put("version", v);
                ArrayNode resources = ver.putArray("resources");
                for (Served s : byGroupVersion.get(g.isEmpty() ? v : g + "/" + v)) {
                    resources.add(aggregatedResource(s));
                }
                ver.put("freshness", "Current");
            }
        }
        ctx.status(200);
        ctx.contentType(v2 ? MediaTypes.DISCOVERY_V2 : MediaTypes.DISCOVERY_V2BETA1);
        ctx.result(Json.bytes(list));
    }

    private static ObjectNode aggregatedResource(Served s) {
        ResourceType t = s.type();
        ObjectNode r = Json.object().put("resource", t.plural());
        r.putObject("responseKind").put("group", s.group()).put("version", s.version()).put("kind", t.kind());
        r.put("scope", t.namespaced() ? "Namespaced" : "Cluster").put("singularResource", t.singular());
        verbs(r.putArray("verbs"), s);
        if (!s.shortNames().isEmpty()) {
            s.shortNames().forEach(r.putArray("shortNames")::add);
        }
        if (!s.categories().isEmpty()) {
            s.categories().forEach(r.putArray("categories")::add);
        }
        if (!t.subresources().isEmpty()) {
            ArrayNode subs = r.putArray("subresources");
            for (String sub : t.subresources()) {
                Subresource info = Subresource.of(t, sub);
                ObjectNode sr = subs.addObject().put("subresource", sub);
                sr.putObject("responseKind").put("group", info.group()).put("version", info.version()).put("kind", info.kind());
                info.verbs().forEach(sr.putArray("verbs")::add);
            }
        }
        return r;
    }

    private static void verbs(ArrayNode arr, Served s) {
        if (s.verbs() != null) {
            s.verbs().forEach(arr::add);
            return;
        }
        ResourceType t = s.type();
        for (String v : ResourceType.VERBS) {
            if (v.equals("deletecollection") && t.plural().equals("namespaces")) {
                continue;
            }
            arr.add(v);
        }
    }

    private static boolean wantsAggregated(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("as=APIGroupDiscoveryList");
    }

    private static void json(Context ctx, ObjectNode body) {
        ctx.status(200);
        ctx.contentType(MediaTypes.JSON);
        ctx.result(Json.bytes(body));
    }

    /** What a subresource returns and which verbs it takes. */
    private record Subresource(String group, String version, String kind, List<String> verbs) {
        static Subresource of(ResourceType t, String sub) {
            return switch (sub) {
                case "status" -> new Subresource(t.group(), t.version(), t.kind(), List.of("get", "patch", "update"));
                case "scale" -> new Subresource("autoscaling", "v1", "Scale", List.of("get", "patch", "update"));
                case "binding" -> new Subresource("", "v1", "Binding", List.of("create"));
                case "eviction" -> new Subresource("policy", "v1", "Eviction", List.of("create"));
                case "finalize" -> new Subresource("", "v1", "Namespace", List.of("update"));
                case "token" -> new Subresource("authentication.k8s.io", "v1", "TokenRequest", List.of("create"));
                case "log" -> new Subresource("", "v1", "Pod", List.of("get"));
                case "exec", "attach", "portforward" -> new Subresource("", "v1", "PodExecOptions".replace("Exec", sub.equals("exec") ? "Exec" : sub.equals("attach") ? "Attach" : "PortForward"), List.of("create", "get"));
                case "proxy" -> new Subresource("", "v1", t.kind() + "ProxyOptions", List.of("create", "delete", "get", "patch", "update"));
                default -> new Subresource(t.group(), t.version(), t.kind(), List.of("get"));
            };
        }
    }
}
