package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;

import java.util.List;

/**
 * Test-only aggregated discovery (KUBECTL-WIRE.md §2) for a few types: just enough for kubectl to map
 * "pod" and "deployment" to their group-version-kinds. The real discovery lives elsewhere.
 */
final class DiscoveryFixture {
    static final String CONTENT_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    private DiscoveryFixture() {
    }

    /** The reply to {@code /api} (core = true) or {@code /apis}. */
    static ObjectNode groups(List<ResourceType> types, boolean core) {
        ObjectNode list = Json.object().put("kind", "APIGroupDiscoveryList").put("apiVersion", "apidiscovery.k8s.io/v2");
        ArrayNode items = list.putArray("items");
        types.stream().filter(t -> t.group().isEmpty() == core).map(ResourceType::group).distinct().forEach(group -> {
            ObjectNode item = items.addObject();
            item.putObject("metadata").put("name", group);
            ObjectNode version = item.putArray("versions").addObject().put("version", "v1").put("freshness", "Current");
            ArrayNode resources = version.putArray("resources");
            types.stream().filter(t -> t.group().equals(group)).forEach(t -> resources.add(resource(t)));
        });
        return list;
    }

    private static ObjectNode resource(ResourceType t) {
        ObjectNode r = Json.object().put("resource", t.plural());
        r.putObject("responseKind").put("group", t.group()).put("version", t.version()).put("kind", t.kind());
        r.put("scope", t.namespaced() ? "Namespaced" : "Cluster").put("singularResource", t.singular());
        ResourceType.VERBS.forEach(r.putArray("verbs")::add);
        t.shortNames().forEach(r.putArray("shortNames")::add);
        t.categories().forEach(r.putArray("categories")::add);
        return r;
    }
}
