package io.skiff.apiserver.openapi;

import io.skiff.api.ResourceType;
import io.skiff.apiserver.openapi.ApiOperation.ApiResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The REST operations Kubernetes offers on one resource: its collection, its objects, the
 * all-namespaces list and each subresource, with Kubernetes' operation ids and actions.
 */
final class ResourceOperations {
    static final List<String> PATCH_TYPES = List.of("application/json-patch+json", "application/merge-patch+json",
            "application/strategic-merge-patch+json", "application/apply-patch+yaml");
    private static final List<String> ANY = List.of("*/*");
    private static final List<String> JSON = List.of("application/json");
    private static final List<String> WATCHABLE = List.of("application/json", "application/json;stream=watch");
    private static final List<String> TEXT = List.of("text/plain", "application/json");
    private static final List<String> PROXY_METHODS = List.of("get", "put", "post", "patch", "delete", "options", "head");
    /** The kinds of the connect subresources' options, as Kubernetes names them after the kind. */
    private static final Map<String, String> CONNECT_OPTIONS = Map.of(
            "exec", "ExecOptions", "attach", "AttachOptions", "portforward", "PortForwardOptions", "proxy", "ProxyOptions");

    private final ResourceType type;
    private final ModelRef kind;
    private final String collection;
    private final String item;
    private final String idPrefix;
    private final String scope;
    private final String tag;
    private final List<Parameter> itemParameters;

    private ResourceOperations(ResourceType type) {
        this.type = type;
        this.kind = ModelRefs.kind(type);
        String base = type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.group() + "/" + type.version();
        this.collection = base + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
        this.item = collection + "/{name}";
        this.idPrefix = capitalize(DefinitionNames.packageOf(type.group())) + capitalize(type.version());
        this.scope = type.namespaced() ? "Namespaced" : "";
        this.tag = DefinitionNames.packageOf(type.group()) + "_" + type.version();
        this.itemParameters = type.namespaced()
                ? List.of(Parameters.NAME, Parameters.NAMESPACE, Parameters.PRETTY)
                : List.of(Parameters.NAME, Parameters.PRETTY);
    }

    /** The paths of all the given types, sorted, as a document lists them. */
    static List<ApiPath> of(Collection<ResourceType> types) {
        List<ApiPath> paths = new ArrayList<>();
        types.forEach(type -> paths.addAll(new ResourceOperations(type).paths()));
        paths.sort(Comparator.comparing(ApiPath::path));
        return paths;
    }

    private List<ApiPath> paths() {
        List<ApiPath> paths = new ArrayList<>();
        paths.add(collectionPath());
        paths.add(new ApiPath(item, itemParameters, List.of(
                op("get", "read" + name(""), "read the specified " + type.kind(), "get", gvk(),
                        List.of(), null, ok(kind)),
                op("put", "replace" + name(""), "replace the specified " + type.kind(), "put", gvk(),
                        Parameters.WRITE, kind, responses(kind, 200, 201)),
                patch("", "partially update the specified " + type.kind(), kind),
                op("delete", "delete" + name(""), "delete a " + type.kind(), "delete", gvk(),
                        Parameters.DELETE, ModelRefs.DELETE_OPTIONS, responses(deleted(), 200, 202)))));
        if (type.namespaced()) {
            String all = collection.replace("/namespaces/{namespace}", "");
            paths.add(new ApiPath(all, List.of(Parameters.PRETTY), List.of(
                    op("get", "list" + idPrefix + type.kind() + "ForAllNamespaces",
                            "list or watch objects of kind " + type.kind(), "list", gvk(), Parameters.LIST, null,
                            ok(ModelRefs.list(type))).withProduces(WATCHABLE))));
        }
        for (String subresource : type.subresources()) {
            paths.addAll(subresource(subresource));
        }
        return paths;
    }

    private ApiPath collectionPath() {
        List<Parameter> parameters = type.namespaced()
                ? List.of(Parameters.NAMESPACE, Parameters.PRETTY) : List.of(Parameters.PRETTY);
        return new ApiPath(collection, parameters, List.of(
                op("get", "list" + name(""), "list or watch objects of kind " + type.kind(), "list", gvk(),
                        Parameters.LIST, null, ok(ModelRefs.list(type))).withProduces(WATCHABLE),
                op("post", "create" + name(""), "create a " + type.kind(), "post", gvk(),
                        Parameters.WRITE, kind, responses(kind, 200, 201, 202)),
                op("delete", "delete" + idPrefix + "Collection" + scope + type.kind(),
                        "delete collection of " + type.kind(), "deletecollection", gvk(),
                        Parameters.DELETE_COLLECTION, ModelRefs.DELETE_OPTIONS, ok(ModelRefs.STATUS))));
    }

    private List<ApiPath> subresource(String subresource) {
        String path = item + "/" + subresource;
        String suffix = capitalize(subresource);
        ModelRef body = ModelRefs.subresource(type, subresource).orElse(null);
        return switch (subresource) {
            case "status", "scale" -> List.of(new ApiPath(path, itemParameters, List.of(
                    op("get", "read" + name(suffix), "read " + subresource + " of the specified " + type.kind(), "get",
                            body.kinds().get(0), List.of(), null, ok(body)),
                    op("put", "replace" + name(suffix), "replace " + subresource + " of the specified " + type.kind(),
                            "put", body.kinds().get(0), Parameters.WRITE, body, responses(body, 200, 201)),
                    patch(suffix, "partially update " + subresource + " of the specified " + type.kind(), body))));
            case "finalize" -> List.of(new ApiPath(path, itemParameters, List.of(
                    op("put", "replace" + name(suffix), "replace finalize of the specified " + type.kind(), "put",
                            body.kinds().get(0), Parameters.WRITE, body, responses(body, 200, 201)))));
            case "binding", "eviction", "token" -> List.of(new ApiPath(path, itemParameters, List.of(
                    op("post", "create" + name(suffix), "create " + subresource + " of a " + type.kind(), "post",
                            body.kinds().get(0), Parameters.WRITE, body, responses(body, 200, 201, 202)))));
            case "log" -> List.of(new ApiPath(path, itemParameters, List.of(
                    op("get", "read" + name(suffix), "read log of the specified " + type.kind(), "get", gvk(),
                            Parameters.LOG, null, List.of(new ApiResponse(200, null))).withProduces(TEXT))));
            case "exec" -> List.of(connect(path, subresource, Parameters.EXEC, List.of("get", "post"), ""));
            case "attach" -> List.of(connect(path, subresource, Parameters.ATTACH, List.of("get", "post"), ""));
            case "portforward" -> List.of(connect(path, subresource, Parameters.PORT_FORWARD, List.of("get", "post"), ""));
            case "proxy" -> List.of(connect(path, subresource, Parameters.PROXY, PROXY_METHODS, ""),
                    connect(path + "/{path}", subresource, List.of(), PROXY_METHODS, "WithPath"));
            default -> throw new IllegalArgumentException("no OpenAPI description for subresource " + subresource
                    + " of " + type.qualifiedPlural());
        };
    }

    /** exec, attach, portforward and proxy: upgraded or proxied connections, described by their options kind. */
    private ApiPath connect(String path, String subresource, List<Parameter> query, List<String> methods,
                            String idSuffix) {
        GroupVersionKind options = new GroupVersionKind(type.group(), type.version(),
                type.kind() + CONNECT_OPTIONS.get(subresource));
        List<Parameter> pathParameters = new ArrayList<>(itemParameters);
        pathParameters.remove(Parameters.PRETTY);
        if (path.endsWith("{path}")) {
            pathParameters.add(Parameters.PROXY_PATH);
        }
        List<ApiOperation> operations = new ArrayList<>();
        for (String method : methods) {
            String id = "connect" + idPrefix + capitalize(method) + scope + type.kind() + capitalize(subresource) + idSuffix;
            operations.add(op(method, id, "connect " + method.toUpperCase(Locale.ROOT) + " requests to " + subresource
                    + " of " + type.kind(), "connect", options, query, null,
                    List.of(new ApiResponse(200, null))).withProduces(ANY));
        }
        return new ApiPath(path, pathParameters, operations);
    }

    private ApiOperation patch(String suffix, String description, ModelRef target) {
        return new ApiOperation("patch", "patch" + name(suffix), tag, description, "patch", target.kinds().get(0),
                Parameters.PATCH, ModelRefs.PATCH, PATCH_TYPES, responses(target, 200, 201), JSON);
    }

    private ApiOperation op(String method, String id, String description, String action, GroupVersionKind gvk,
                            List<Parameter> query, ModelRef body, List<ApiResponse> responses) {
        return new ApiOperation(method, id, tag, description, action, gvk, query, body,
                body == null ? List.of() : ANY, responses, JSON);
    }

    /** Deleting a pod answers with the pod (its deletion is graceful); other kinds answer with a Status. */
    private ModelRef deleted() {
        return type.kind().equals("Pod") && type.group().isEmpty() ? kind : ModelRefs.STATUS;
    }

    private String name(String suffix) {
        return idPrefix + scope + type.kind() + suffix;
    }

    private GroupVersionKind gvk() {
        return kind.kinds().get(0);
    }

    private static List<ApiResponse> ok(ModelRef schema) {
        return List.of(new ApiResponse(200, schema));
    }

    private static List<ApiResponse> responses(ModelRef schema, int... codes) {
        List<ApiResponse> responses = new ArrayList<>();
        for (int code : codes) {
            responses.add(new ApiResponse(code, schema));
        }
        return responses;
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
