package io.skiff.kubectl.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.http.ApiClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The server's resources from aggregated discovery ({@code /api}, {@code /apis}), cached on disk
 * under {@code <cache-dir>/discovery/<host_port>/} as kubectl caches them, so that a warm
 * {@code get pods} costs one request. A name missing from a cache refetches once.
 */
public final class Discovery {
    static final String ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    private static final Duration TTL = Duration.ofHours(6);
    private final ApiClient client;
    private final Path cacheFile;
    private List<ApiResource> resources;
    private boolean fresh;

    public Discovery(ApiClient client, Path cacheDir) {
        this.client = client;
        URI u = URI.create(client.config().server());
        String hostPort = u.getHost() + "_" + (u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80);
        this.cacheFile = cacheDir == null ? null : cacheDir.resolve("discovery").resolve(hostPort).resolve("skiff-aggregated.json");
    }

    public List<ApiResource> all() {
        if (resources == null) {
            resources = fromCache();
            if (resources == null) {
                refresh();
            }
        }
        return resources;
    }

    /** Always from the server ({@code api-resources} refetches, as kubectl does). */
    public List<ApiResource> refresh() {
        ArrayNode groups = Codec.json().createArrayNode();
        for (String p : List.of("/api", "/apis")) {
            ApiClient.Reply r = client.send("GET", p + "?timeout=32s", null, null, ACCEPT);
            JsonNode body = r.json();
            if (r.contentType().contains("as=APIGroupDiscoveryList")) {
                body.path("items").forEach(groups::add);
            } else {
                legacy(p, body).forEach(groups::add);
            }
        }
        resources = parse(groups);
        fresh = true;
        if (cacheFile != null) {
            try {
                Files.createDirectories(cacheFile.getParent());
                Files.write(cacheFile, Codec.bytes(groups));
            } catch (IOException ignored) {
                // a read-only cache only costs speed
            }
        }
        return resources;
    }

    /** Finds a resource by plural, singular, short name or kind, optionally qualified by group ("deployments.apps"). */
    public ApiResource resolve(String name) {
        ApiResource r = find(all(), name);
        if (r == null && !fresh) {
            r = find(refresh(), name);
        }
        if (r == null) {
            throw new UnknownResourceException(name);
        }
        return r;
    }

    /** The resources of a category ("all"), in discovery order. */
    public List<ApiResource> category(String category) {
        List<ApiResource> out = new ArrayList<>();
        for (ApiResource r : all()) {
            if (r.categories().contains(category)) {
                out.add(r);
            }
        }
        return out;
    }

    public ApiResource forKind(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        for (int attempt = 0; attempt < 2; attempt++) {
            List<ApiResource> list = attempt == 0 ? all() : fresh ? List.of() : refresh();
            for (ApiResource r : list) {
                if (r.group().equals(group) && r.kind().equals(kind)) {
                    return new ApiResource(r.group(), version, r.resource(), r.singular(), r.kind(), r.namespaced(),
                            r.shortNames(), r.categories(), r.verbs(), r.subresources());
                }
            }
        }
        throw new UnknownResourceException(kind, apiVersion);
    }

    private static ApiResource find(List<ApiResource> list, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String group = null;
        int dot = n.indexOf('.');
        if (dot > 0) {
            group = n.substring(dot + 1);
            n = n.substring(0, dot);
        }
        for (ApiResource r : list) {
            if (r.matches(n) && (group == null || r.group().equals(group) || r.group().startsWith(group + "."))) {
                return r;
            }
        }
        return null;
    }

    private List<ApiResource> fromCache() {
        if (cacheFile == null || !Files.exists(cacheFile)) {
            return null;
        }
        try {
            if (Files.getLastModifiedTime(cacheFile).toInstant().plus(TTL).isBefore(Instant.now())) {
                return null;
            }
            return parse(Codec.parse(Files.readAllBytes(cacheFile)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Only each group's preferred (first) version, as kubectl resolves names. */
    static List<ApiResource> parse(JsonNode groups) {
        List<ApiResource> out = new ArrayList<>();
        for (JsonNode g : groups) {
            String group = g.path("metadata").path("name").asText("");
            JsonNode v = g.path("versions").path(0);
            for (JsonNode r : v.path("resources")) {
                List<String> subs = new ArrayList<>();
                r.path("subresources").forEach(s -> subs.add(s.path("subresource").asText()));
                out.add(new ApiResource(group, v.path("version").asText(), r.path("resource").asText(),
                        r.path("singularResource").asText(""), r.path("responseKind").path("kind").asText(),
                        "Namespaced".equals(r.path("scope").asText()), strings(r.path("shortNames")),
                        strings(r.path("categories")), strings(r.path("verbs")), subs));
            }
        }
        return out;
    }

    /** Legacy discovery: APIVersions / APIGroupList, then one APIResourceList per group version. */
    private List<JsonNode> legacy(String root, JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        if (root.equals("/api")) {
            for (JsonNode v : body.path("versions")) {
                out.add(legacyGroup("", v.asText(), client.get("/api/" + v.asText() + "?timeout=32s")));
                break;
            }
        } else {
            for (JsonNode g : body.path("groups")) {
                String gv = g.path("preferredVersion").path("groupVersion").asText();
                out.add(legacyGroup(g.path("name").asText(), gv.substring(gv.indexOf('/') + 1), client.get("/apis/" + gv + "?timeout=32s")));
            }
        }
        return out;
    }

    private static JsonNode legacyGroup(String group, String version, JsonNode list) {
        var g = Codec.object();
        g.putObject("metadata").put("name", group);
        var v = g.putArray("versions").addObject();
        v.put("version", version);
        ArrayNode resources = v.putArray("resources");
        java.util.Map<String, ArrayNode> subs = new java.util.HashMap<>();
        for (JsonNode r : list.path("resources")) {
            String name = r.path("name").asText();
            if (name.contains("/")) {
                subs.computeIfAbsent(name.substring(0, name.indexOf('/')), k -> Codec.json().createArrayNode())
                        .addObject().put("subresource", name.substring(name.indexOf('/') + 1));
                continue;
            }
            var o = resources.addObject();
            o.put("resource", name);
            o.put("singularResource", r.path("singularName").asText(""));
            o.putObject("responseKind").put("group", group).put("version", version).put("kind", r.path("kind").asText());
            o.put("scope", r.path("namespaced").asBoolean() ? "Namespaced" : "Cluster");
            o.set("shortNames", r.path("shortNames").isArray() ? r.get("shortNames") : Codec.json().createArrayNode());
            o.set("categories", r.path("categories").isArray() ? r.get("categories") : Codec.json().createArrayNode());
            o.set("verbs", r.path("verbs"));
        }
        for (JsonNode r : resources) {
            if (subs.containsKey(r.path("resource").asText())) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) r).set("subresources", subs.get(r.path("resource").asText()));
            }
        }
        return g;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }
}
