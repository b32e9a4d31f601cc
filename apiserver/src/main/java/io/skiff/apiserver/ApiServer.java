package io.skiff.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.alloc.ClusterIpAllocator;
import io.skiff.apiserver.auth.AccessReviews;
import io.skiff.apiserver.auth.Authentication;
import io.skiff.apiserver.auth.Authorizer;
import io.skiff.apiserver.auth.RbacAuthorizer;
import io.skiff.apiserver.auth.RequestAttributes;
import io.skiff.apiserver.auth.UserInfo;
import io.skiff.apiserver.bootstrap.BootstrapPolicy;
import io.skiff.apiserver.watch.ObjectCache;
import io.skiff.apiserver.auth.RequestUser;
import io.skiff.apiserver.auth.SecurityConfig;
import io.skiff.apiserver.auth.ServiceAccountAuthenticator;
import io.skiff.apiserver.auth.ServiceAccountTokens;
import io.skiff.apiserver.auth.TlsConnector;
import io.skiff.apiserver.alloc.NodePortAllocator;
import io.skiff.apiserver.alloc.ServiceAllocations;
import io.skiff.apiserver.bootstrap.SystemObjects;
import io.skiff.apiserver.discovery.Discovery;
import io.skiff.apiserver.http.AuditLog;
import io.skiff.apiserver.http.InflightLimiter;
import io.skiff.apiserver.http.MediaTypes;
import io.skiff.apiserver.http.Responses;
import io.skiff.apiserver.openapi.OpenApiRoutes;
import io.skiff.apiserver.resource.Registry;
import io.skiff.apiserver.resource.ResourceStrategy;
import io.skiff.apiserver.rest.NamespaceFinalizer;
import io.skiff.apiserver.rest.ResourceHandler;
import io.skiff.apiserver.storage.Compactor;
import io.skiff.apiserver.storage.ObjectStorage;
import io.skiff.apiserver.watch.WatchCache;
import io.skiff.store.Store;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes API server: every route in one place, one exception-to-Status mapper,
 * one generic resource handler, one watch cache per resource.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    /** kubectl's version dispatcher keys on the minor version: 32 runs its built-in 1.32. */
    public static final String GIT_VERSION = "v1.32.4";

    private final ApiServerConfig config;
    private final Store store;
    private final Registry registry = new Registry();
    private final ObjectStorage storage;
    private final Map<ResourceType, WatchCache> caches = new LinkedHashMap<>();
    private final ServiceAllocations allocations;
    private NamespaceFinalizer namespaceFinalizer;
    private final Compactor compactor;
    private Javalin app;
    private Authentication authentication;
    private Authorizer authorizer;
    private AuditLog audit;

    public ApiServer(ApiServerConfig config, Store store) {
        if (config.security() == null && !isLoopback(config.bindAddress())) {
            throw new IllegalArgumentException("plain HTTP without authentication is only served on loopback, not on "
                    + config.bindAddress());
        }
        this.config = config;
        this.store = store;
        this.storage = new ObjectStorage(store);
        this.compactor = new Compactor(store);
        this.allocations = new ServiceAllocations(new ClusterIpAllocator(config.serviceCidr()),
                new NodePortAllocator(config.nodePortFirst(), config.nodePortLast()));
    }

    public ApiServer start() {
        long t0 = System.nanoTime();
        for (ObjectNode svc : storage.list(ResourceTypes.SERVICES, null, null, 0, 0).items()) {
            allocations.restore(svc);
        }
        new SystemObjects(storage, allocations).ensure(config.advertiseAddress(), config.port());
        new BootstrapPolicy(storage).ensure();
        for (ResourceStrategy s : registry.all()) {
            WatchCache cache = new WatchCache(s.type(), store, config.watchCacheSize());
            cache.start();
            caches.put(s.type(), cache);
        }
        SecurityConfig security = config.security();
        ServiceAccountTokens tokens = security == null || security.serviceAccountKey() == null ? null
                : new ServiceAccountTokens(security.serviceAccountKey());
        authentication = security == null ? null : Authentication.forConfig(security,
                tokens == null ? null : new ServiceAccountAuthenticator(tokens, cache(ResourceTypes.SERVICE_ACCOUNTS)));
        ObjectCache namespaces = cache(ResourceTypes.NAMESPACES);
        authorizer = security == null ? Authorizer.ALWAYS : new RbacAuthorizer(cache(ResourceTypes.ROLES),
                cache(ResourceTypes.CLUSTER_ROLES), cache(ResourceTypes.ROLE_BINDINGS), cache(ResourceTypes.CLUSTER_ROLE_BINDINGS));
        ResourceHandler resources = new ResourceHandler(registry, storage, allocations, caches::get, namespaces, authorizer, tokens,
                credentials -> authentication == null ? RequestUser.UNSECURED : authentication.authenticate(credentials, ""));
        AccessReviews reviews = new AccessReviews(authorizer);
        Discovery discovery = new Discovery(registry);
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.disableCompression(); // watch streams must reach the client as written
            QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), 8, 60_000);
            pool.setName("apiserver");
            cfg.jetty.threadPool = pool;
            if (security != null) {
                cfg.jetty.addConnector((server, http) -> TlsConnector.create(server, http, security, config.bindAddress(), config.port()));
            }
        });
        audit = config.auditLogPath() == null ? null : new AuditLog(config.auditLogPath());
        routes(app, resources, discovery, reviews);
        if (security == null) {
            app.start(config.bindAddress(), config.port());
        } else {
            app.start(); // the TLS connector carries the address and port
        }
        namespaceFinalizer = new NamespaceFinalizer(registry, storage, resources, caches.get(ResourceTypes.NAMESPACES));
        namespaceFinalizer.start();
        compactor.start(config.compactionInterval());
        log.info("API server listening on {}:{} (store revision {}), started in {} ms", config.bindAddress(), port(),
                store.currentRevision(), (System.nanoTime() - t0) / 1_000_000);
        return this;
    }

    /** All routes, in one place. */
    private void routes(Javalin app, ResourceHandler resources, Discovery discovery, AccessReviews reviews) {
        InflightLimiter limiter = new InflightLimiter(config.maxRequestsInflight(), config.maxMutatingRequestsInflight());
        if (audit != null) {
            app.before(audit::start);
            app.after(audit::record);
        }
        app.before(limiter::enter);
        app.after(limiter::leave);
        // authentication before anything else; paths that name no resource are authorized here too
        app.before(ctx -> {
            UserInfo user = authentication == null ? RequestUser.UNSECURED
                    : authentication.authenticate(RequestUser.credentials(ctx), ctx.path());
            ctx.attribute(RequestUser.ATTRIBUTE, user);
            if (!isResourcePath(ctx.path()) && !user.isAnonymous()) {
                RequestAttributes attrs = RequestAttributes.nonResource(user, ctx.method().name().toLowerCase(java.util.Locale.ROOT), ctx.path());
                if (!authorizer.allows(attrs)) {
                    throw ApiException.forbidden(attrs.forbiddenMessage());
                }
            }
        });
        app.post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", reviews::selfSubjectAccessReview);
        app.post("/apis/authentication.k8s.io/v1/selfsubjectreviews", reviews::selfSubjectReview);
        app.get("/version", ctx -> ctx.json(version()));
        for (String health : List.of("/healthz", "/livez", "/readyz")) {
            app.get(health, ctx -> ctx.contentType("text/plain").result("ok"));
        }
        app.get("/api", discovery::core);
        app.get("/api/", discovery::core);
        app.get("/apis", discovery::groups);
        app.get("/apis/", discovery::groups);
        app.get("/api/v1", ctx -> discovery.resources(ctx, "", "v1"));
        app.get("/apis/{group}", discovery::group);
        app.get("/apis/{group}/{version}", ctx -> discovery.resources(ctx, ctx.pathParam("group"), ctx.pathParam("version")));
        OpenApiRoutes.register(app, ResourceTypes.ALL_TYPES);
        for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE)) {
            app.addHttpHandler(method, "/api/v1/*", resources::handle);
            app.addHttpHandler(method, "/apis/{group}/{version}/*", resources::handle);
        }
        app.ws("/api/v1/*", resources.webSocketWatch()::configure);
        app.ws("/apis/{group}/{version}/*", resources.webSocketWatch()::configure);
        if (log.isDebugEnabled()) { // --v=4 and up: one line per request, as kube-apiserver's httplog
            app.before(ctx -> ctx.attribute("skiff.t0", System.nanoTime()));
            app.after(ctx -> {
                Long t0 = ctx.attribute("skiff.t0");
                log.debug("{} {} {} {}ms", ctx.method(), ctx.fullUrl(), ctx.statusCode(),
                        t0 == null ? -1 : (System.nanoTime() - t0) / 1_000_000);
            });
        }
        app.exception(ApiException.class, (e, ctx) -> Responses.status(ctx, e));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("internal error serving {} {}", ctx.method(), ctx.path(), e);
            Responses.status(ctx, ApiException.internal(e.getClass().getSimpleName() + ": " + e.getMessage()));
        });
        // unmatched paths and methods: Javalin's plain-text answers become Status objects
        app.error(404, ctx -> {
            if (!isJson(ctx)) {
                Responses.status(ctx, new ApiException(404, "NotFound", "the server could not find the requested resource"));
            }
        });
        app.error(405, ctx -> {
            if (!isJson(ctx)) {
                Responses.status(ctx, ApiException.methodNotAllowed("the server does not allow this method on the requested resource"));
            }
        });
    }

    private static boolean isJson(io.javalin.http.Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(MediaTypes.JSON);
    }

    private static ObjectNode version() {
        return Json.object().put("major", "1").put("minor", "32").put("gitVersion", GIT_VERSION)
                .put("gitCommit", "skiff").put("gitTreeState", "clean").put("buildDate", "2026-11-25T00:00:00Z")
                .put("goVersion", "java" + Runtime.version().feature()).put("compiler", "javac")
                .put("platform", "linux/amd64");
    }

    public int port() {
        if (config.security() != null) {
            for (var c : app.jettyServer().server().getConnectors()) {
                if (c instanceof org.eclipse.jetty.server.ServerConnector sc) {
                    return sc.getLocalPort();
                }
            }
        }
        return app.port();
    }

    private ObjectCache cache(ResourceType type) {
        return new ObjectCache(type, storage, caches.get(type)).start();
    }

    /** Resource paths are authorized by the resource handler, which knows the verb and scope. */
    private static boolean isResourcePath(String path) {
        return (path.startsWith("/api/v1/") || path.startsWith("/apis/")) && io.skiff.apiserver.request.RequestInfo.parse(path) != null;
    }

    private static boolean isLoopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        compactor.close();
        if (namespaceFinalizer != null) {
            namespaceFinalizer.close();
        }
        if (app != null) {
            app.stop();
        }
        caches.values().forEach(WatchCache::close);
        if (audit != null) {
            audit.close();
        }
    }
}
