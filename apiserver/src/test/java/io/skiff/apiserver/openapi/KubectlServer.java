package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.errors.ApiException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server for the real kubectl: /version, test discovery, the OpenAPI routes under test, and
 * an in-memory object map so that apply has something to create or patch. Records every request.
 */
final class KubectlServer implements AutoCloseable {

    /** One request as kubectl sent it. */
    record Request(String method, String path, String query, String accept, String contentType, String body) {
    }

    private final Javalin app;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> objects = new ConcurrentHashMap<>();

    KubectlServer(List<ResourceType> types) {
        app = Javalin.create();
        app.before(ctx -> requests.add(new Request(ctx.method().name(), ctx.path(), ctx.queryString(),
                ctx.header("Accept"), ctx.contentType(), ctx.body())));
        app.exception(ApiException.class, (e, ctx) ->
                ctx.status(e.code()).contentType("application/json").result(Json.bytes(e.toStatus())));
        app.get("/version", ctx -> ctx.json(Map.of("major", "1", "minor", "32", "gitVersion", "v1.32.4",
                "platform", "linux/amd64")));
        app.get("/api", ctx -> discovery(ctx, types, true));
        app.get("/apis", ctx -> discovery(ctx, types, false));
        OpenApiRoutes.register(app, types);
        app.get("/api/v1/namespaces/{namespace}/{plural}/{name}", this::read);
        app.get("/apis/{group}/{version}/namespaces/{namespace}/{plural}/{name}", this::read);
        app.post("/api/v1/namespaces/{namespace}/{plural}", ctx -> ctx.status(201).contentType("application/json").result(ctx.body()));
        app.patch("/api/v1/namespaces/{namespace}/{plural}/{name}", this::read);
        app.start("127.0.0.1", 0);
    }

    String url() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Makes GET (and PATCH) of this object path answer with the object, as if it had been created. */
    void store(String path, JsonNode object) {
        objects.put(path, object);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void read(Context ctx) {
        JsonNode object = objects.get(ctx.path());
        if (object == null) {
            throw ApiException.notFound("", ctx.pathParam("plural"), ctx.pathParam("name"));
        }
        ctx.contentType("application/json").result(Json.bytes(object));
    }

    private static void discovery(Context ctx, List<ResourceType> types, boolean core) {
        ctx.contentType(DiscoveryFixture.CONTENT_TYPE).result(Json.bytes(DiscoveryFixture.groups(types, core)));
    }

    @Override
    public void close() {
        app.stop();
    }
}
