package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The OpenAPI v3 documents: {@code /openapi/v3} lists one document per group-version, each at a URL
 * whose {@code hash} names its content, and each document holds that group-version's paths and every
 * schema they reach. kubectl reads them to validate and patch ({@code apply}) and to {@code explain}.
 *
 * <p>The documents are built on first use and then served from memory; they do not change while the
 * server runs, since the served types do not.
 */
public final class OpenApiV3 {
    private static final String URL_PREFIX = "/openapi/v3/";

    private final List<ResourceType> types;
    private Documents documents;

    public OpenApiV3(List<ResourceType> types) {
        this.types = List.copyOf(types);
    }

    /** {@code {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=…"},…}}}. */
    public ObjectNode root() {
        return (ObjectNode) Json.parse(documents().root.body());
    }

    /** The document of one group-version, by its path in {@link #root()}: "api/v1", "apis/apps/v1", …. */
    public Optional<ObjectNode> groupVersion(String path) {
        return document(path).map(d -> (ObjectNode) Json.parse(d.body()));
    }

    /** The group-version paths served, e.g. "api/v1". */
    public List<String> groupVersions() {
        return List.copyOf(documents().byPath.keySet());
    }

    ServedDocument rootDocument() {
        return documents().root;
    }

    Optional<ServedDocument> document(String path) {
        return Optional.ofNullable(documents().byPath.get(path));
    }

    private synchronized Documents documents() {
        if (documents == null) {
            documents = build();
        }
        return documents;
    }

    private record Documents(ServedDocument root, Map<String, ServedDocument> byPath) {
    }

    private Documents build() {
        Map<String, List<ResourceType>> byGroupVersion = new TreeMap<>();
        for (ResourceType type : types) {
            byGroupVersion.computeIfAbsent(pathOf(type), p -> new ArrayList<>()).add(type);
        }
        Map<String, ServedDocument> byPath = new TreeMap<>();
        ObjectNode root = Json.object();
        ObjectNode rootPaths = root.putObject("paths");
        byGroupVersion.forEach((path, members) -> {
            ServedDocument document = new ServedDocument(Json.bytes(groupVersionDocument(members)));
            byPath.put(path, document);
            rootPaths.putObject(path).put("serverRelativeURL", URL_PREFIX + path + "?hash=" + document.hash());
        });
        return new Documents(new ServedDocument(Json.bytes(root)), Collections.unmodifiableMap(byPath));
    }

    private static ObjectNode groupVersionDocument(List<ResourceType> members) {
        List<ApiPath> paths = ResourceOperations.of(members);
        ObjectNode document = Json.object().put("openapi", "3.0.0");
        document.putObject("info").put("title", "Kubernetes").put("version", "unversioned");
        document.set("paths", new OpenApi3Paths().render(paths));
        ObjectNode schemas = document.putObject("components").putObject("schemas");
        new SchemaGenerator(Dialect.OPENAPI_3).definitions(ModelRefs.referencedBy(paths)).forEach(schemas::set);
        return document;
    }

    /** "api/v1" for the core group, "apis/apps/v1" for the others, as kubectl looks them up. */
    static String pathOf(ResourceType type) {
        return type.group().isEmpty() ? "api/" + type.version() : "apis/" + type.group() + "/" + type.version();
    }
}
