package io.skiff.apiserver.rest;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.alloc.ServiceAllocations;
import io.skiff.apiserver.auth.Authorizer;
import io.skiff.apiserver.auth.Credentials;
import io.skiff.apiserver.auth.RequestAttributes;
import io.skiff.apiserver.auth.RequestUser;
import io.skiff.apiserver.auth.ServiceAccountTokens;
import io.skiff.apiserver.auth.UserInfo;
import io.skiff.apiserver.proxy.PodLogs;
import io.skiff.apiserver.request.RequestInfo;
import io.skiff.apiserver.resource.Registry;
import io.skiff.apiserver.resource.ResourceStrategy;
import io.skiff.apiserver.storage.ObjectStorage;
import io.skiff.apiserver.watch.ObjectCache;
import io.skiff.apiserver.watch.WatchCache;

import java.io.IOException;
import java.util.function.Function;

/** The one REST handler behind every resource path: routes a verb to its operation. */
public final class ResourceHandler {
    private final Registry registry;
    private final ReadOperations reads;
    private final WatchOperations watches;
    private final WriteOperations writes;
    private final Subresources subresources;
    private final Deleter deleter;
    private final WebSocketWatch webSocketWatch;
    private final Authorizer authorizer;
    private final PodLogs podLogs;

    /**
     * @param authenticate who a WebSocket upgrade's credentials name (HTTP requests are
     *                     authenticated before they reach any handler; upgrades are not)
     */
    public ResourceHandler(Registry registry, ObjectStorage storage, ServiceAllocations allocations,
                           Function<ResourceType, WatchCache> caches, ObjectCache namespaces, Authorizer authorizer,
                           ServiceAccountTokens tokens, Function<Credentials, UserInfo> authenticate) {
        this.authorizer = authorizer;
        this.registry = registry;
        this.deleter = new Deleter(storage, allocations);
        UpdateEngine updates = new UpdateEngine(storage, allocations, deleter);
        this.reads = new ReadOperations(storage);
        this.watches = new WatchOperations(storage, caches);
        this.writes = new WriteOperations(storage, allocations, updates, deleter,
                new NamespaceGuard(storage, namespaces));
        this.subresources = new Subresources(storage, updates, deleter, tokens);
        this.webSocketWatch = new WebSocketWatch(registry, watches, authenticate, this::authorize);
        this.podLogs = new PodLogs(storage);
    }

    /** Watches requested with a WebSocket upgrade. */
    public WebSocketWatch webSocketWatch() {
        return webSocketWatch;
    }

    /** For in-process controllers (the namespace finalizer) that delete as clients would. */
    Deleter deleter() {
        return deleter;
    }

    public void handle(Context ctx) throws IOException {
        RequestInfo info = RequestInfo.parse(ctx.path());
        if (info == null) {
            throw notFound();
        }
        ResourceStrategy strategy = registry.find(info.group(), info.version(), info.resource()).orElseThrow(ResourceHandler::notFound);
        ResourceType type = strategy.type();
        if (!type.namespaced() && info.namespace() != null) {
            throw notFound();
        }
        if (type.namespaced() && info.namespace() == null && (info.name() != null || ctx.method() != HandlerType.GET)) {
            throw notFound();
        }
        String sub = info.subresource();
        if (sub != null && !type.hasSubresource(sub)) {
            throw notFound();
        }
        authorize(RequestUser.of(ctx), info, verb(ctx.method(), info, "true".equals(ctx.queryParam("watch")) || "1".equals(ctx.queryParam("watch"))));
        ApiRequest r = new ApiRequest(ctx, info, strategy, registry.legacy(info.group(), info.version(), info.resource()));
        HandlerType method = ctx.method();
        if (sub == null) {
            switch (method) {
                case GET -> {
                    if (r.flag("watch")) {
                        watches.watch(r);
                    } else if (info.isCollection()) {
                        reads.list(r);
                    } else {
                        reads.get(r);
                    }
                }
                case POST -> writes.create(r);
                case PUT -> writes.update(r);
                case PATCH -> writes.patch(r);
                case DELETE -> {
                    if (info.isCollection()) {
                        if (type == ResourceTypes.NAMESPACES) {
                            throw notAllowed(method, "namespaces");
                        }
                        writes.deleteCollection(r);
                    } else {
                        writes.delete(r);
                    }
                }
                default -> throw notAllowed(method, type.plural());
            }
            return;
        }
        if (info.isCollection()) {
            throw notFound();
        }
        switch (sub + ":" + method) {
            case "status:GET" -> reads.get(r);
            case "status:PUT" -> writes.update(r);
            case "status:PATCH" -> writes.patch(r);
            case "scale:GET" -> subresources.getScale(r);
            case "scale:PUT" -> subresources.updateScale(r, false);
            case "scale:PATCH" -> subresources.updateScale(r, true);
            case "binding:POST" -> subresources.bind(r);
            case "eviction:POST" -> subresources.evict(r);
            case "finalize:PUT" -> subresources.finalizeNamespace(r);
            case "token:POST" -> subresources.requestToken(r);
            case "log:GET" -> {
                try {
                    podLogs.stream(ctx, info.namespace(), info.name());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> throw notAllowed(method, type.plural() + "/" + sub);
        }
    }

    /** 403 with Kubernetes' words unless RBAC allows {@code verb} on what the path names. */
    void authorize(UserInfo user, RequestInfo info, String verb) {
        // a namespace is its own namespace, so RoleBindings inside it can grant access to it
        String namespace = info.namespace() != null ? info.namespace()
                : "namespaces".equals(info.resource()) && info.group().isEmpty() ? info.name() : null;
        RequestAttributes attrs = RequestAttributes.resource(user, verb, info.group(), info.resource(), info.subresource(),
                namespace, info.name());
        if (!authorizer.allows(attrs)) {
            throw new ApiException(403, "Forbidden", attrs.forbiddenMessage(), info.group(), info.resource(), info.name(),
                    java.util.List.of(), null);
        }
    }

    /** The RBAC verb of a request: get/list/watch, create, update, patch, delete/deletecollection. */
    static String verb(HandlerType method, RequestInfo info, boolean watch) {
        return switch (method) {
            case GET, HEAD -> watch ? "watch" : info.isCollection() ? "list" : "get";
            case POST -> "create";
            case PUT -> "update";
            case PATCH -> "patch";
            case DELETE -> info.isCollection() ? "deletecollection" : "delete";
            default -> method.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static ApiException notFound() {
        return new ApiException(404, "NotFound", "the server could not find the requested resource");
    }

    private static ApiException notAllowed(HandlerType method, String what) {
        return ApiException.methodNotAllowed("the server does not allow this method on the requested resource: "
                + method + " " + what);
    }
}
