package io.skiff.apiserver.openapi;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.skiff.api.ResourceType;
import io.skiff.api.errors.ApiException;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Serves {@code /openapi/v3}, {@code /openapi/v3/<group-version>} and {@code /openapi/v2}, with the
 * caching Kubernetes uses: a group-version document asked for by its current {@code ?hash=} is
 * immutable, an out-of-date hash is redirected to the current one, and ETags answer revalidation.
 */
public final class OpenApiRoutes {
    static final String JSON = "application/json";
    /** What kubectl sends in Accept for /openapi/v2, and the Content-Type Kubernetes answers it with. */
    static final String PROTOBUF_ACCEPT = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
    static final String PROTOBUF_CONTENT_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    private OpenApiRoutes() {
    }

    public static void register(Javalin app, List<ResourceType> types) {
        OpenApiV3 v3 = new OpenApiV3(types);
        OpenApiV2 v2 = new OpenApiV2(types);
        app.get("/openapi/v3", ctx -> send(ctx, v3.rootDocument(), JSON));
        app.get("/openapi/v3/<path>", ctx -> groupVersion(ctx, v3));
        app.get("/openapi/v2", ctx -> {
            boolean protobuf = String.valueOf(ctx.header("Accept")).contains(PROTOBUF_ACCEPT);
            ctx.header("Vary", "Accept");
            send(ctx, protobuf ? v2.protobuf() : v2.json(), protobuf ? PROTOBUF_CONTENT_TYPE : JSON);
        });
    }

    private static void groupVersion(Context ctx, OpenApiV3 v3) {
        String path = ctx.pathParam("path");
        ServedDocument document = v3.document(path).orElseThrow(() ->
                new ApiException(404, "NotFound", "the server could not find the requested resource"));
        String hash = ctx.queryParam("hash");
        if (hash != null) {
            if (!hash.equals(document.hash())) {
                ctx.redirect("/openapi/v3/" + path + "?hash=" + document.hash(), HttpStatus.MOVED_PERMANENTLY);
                return;
            }
            // The URL names this exact content, so clients may keep it for good.
            ctx.header("Cache-Control", "public, immutable");
            ctx.header("Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusYears(1)));
        }
        send(ctx, document, JSON);
    }

    private static void send(Context ctx, ServedDocument document, String contentType) {
        ctx.header("ETag", document.etag());
        if (document.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(contentType).result(document.body());
    }
}
