package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiRoutesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KubectlServer server;

    @BeforeAll
    static void start() {
        server = new KubectlServer(ResourceTypes.ALL_TYPES);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rootIsJsonAndPointsAtEachDocument() throws Exception {
        HttpResponse<byte[]> root = get("/openapi/v3");
        assertEquals(200, root.statusCode());
        assertEquals("application/json", root.headers().firstValue("Content-Type").orElseThrow());
        String url = Json.parse(root.body()).at("/paths/apis~1apps~1v1/serverRelativeURL").asText();
        assertTrue(url.startsWith("/openapi/v3/apis/apps/v1?hash="), url);

        HttpResponse<byte[]> apps = get(url);
        assertEquals(200, apps.statusCode());
        assertEquals("application/json", apps.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("public, immutable", apps.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(apps.headers().firstValue("Expires").isPresent());
        assertTrue(Json.parse(apps.body()).at("/components/schemas").has("io.k8s.api.apps.v1.Deployment"));
    }

    @Test
    void withoutAHashTheDocumentIsNotMarkedImmutable() throws Exception {
        HttpResponse<byte[]> core = get("/openapi/v3/api/v1");
        assertEquals(200, core.statusCode());
        assertTrue(core.headers().firstValue("Cache-Control").isEmpty());
        assertTrue(Json.parse(core.body()).at("/components/schemas").has("io.k8s.api.core.v1.Pod"));
    }

    @Test
    void aStaleHashIsRedirectedToTheCurrentDocument() throws Exception {
        String current = Json.parse(get("/openapi/v3").body()).at("/paths/api~1v1/serverRelativeURL").asText();
        HttpResponse<byte[]> stale = get("/openapi/v3/api/v1?hash=0123");
        assertEquals(301, stale.statusCode());
        assertEquals(current, stale.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aMatchingETagIsAnsweredWithNotModified() throws Exception {
        HttpResponse<byte[]> first = get("/openapi/v3/apis/apps/v1");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/openapi/v3/apis/apps/v1"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
    }

    @Test
    void anUnknownGroupVersionIsANotFoundStatus() throws Exception {
        HttpResponse<byte[]> missing = get("/openapi/v3/apis/batch/v1");
        assertEquals(404, missing.statusCode());
        JsonNode status = Json.parse(missing.body());
        assertEquals("Status", status.get("kind").asText());
        assertEquals("NotFound", status.get("reason").asText());
    }

    @Test
    void v2IsJsonUnlessProtobufIsAskedFor() throws Exception {
        HttpResponse<byte[]> json = get("/openapi/v2");
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("2.0", Json.parse(json.body()).get("swagger").asText());

        HttpResponse<byte[]> protobuf = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/openapi/v2"))
                .header("Accept", OpenApiRoutes.PROTOBUF_ACCEPT).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, protobuf.statusCode());
        assertEquals(OpenApiRoutes.PROTOBUF_CONTENT_TYPE, protobuf.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(new OpenApiV2(ResourceTypes.ALL_TYPES).protobuf().body(), protobuf.body());
        assertEquals(List.of("Accept"), protobuf.headers().allValues("Vary"));
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
