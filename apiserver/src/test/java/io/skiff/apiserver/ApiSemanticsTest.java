package io.skiff.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API contract over real HTTP: paging, watch, deletion, errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSemanticsTest {
    private static final String CMS = "/api/v1/namespaces/default/configmaps";
    private TestApiServer api;

    @BeforeAll
    void start() throws Exception {
        api = TestApiServer.start();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    private JsonNode json(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes());
    }

    private HttpResponse<String> createConfigMap(String ns, String name) throws Exception {
        return api.send("POST", "/api/v1/namespaces/" + ns + "/configmaps", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"}}");
    }

    private void namespace(String ns) throws Exception {
        assertEquals(201, api.send("POST", "/api/v1/namespaces", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + ns + "\"}}").statusCode());
    }

    @Test
    void listsPageWithLimitAndContinueAtOneRevision() throws Exception {
        namespace("paging");
        for (int i = 0; i < 7; i++) {
            createConfigMap("paging", "cm" + i);
        }
        List<String> names = new ArrayList<>();
        String cont = null;
        String firstRv = null;
        int pages = 0;
        do {
            JsonNode page = json(api.send("GET", "/api/v1/namespaces/paging/configmaps?limit=3"
                    + (cont == null ? "" : "&continue=" + cont), null, null));
            page.path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
            if (firstRv == null) {
                firstRv = page.path("metadata").path("resourceVersion").asText();
                createConfigMap("paging", "late"); // written after the first page: must not appear
            } else {
                assertEquals(firstRv, page.path("metadata").path("resourceVersion").asText(), "pages share one revision");
            }
            cont = page.path("metadata").path("continue").asText(null);
            pages++;
        } while (cont != null);
        assertEquals(List.of("cm0", "cm1", "cm2", "cm3", "cm4", "cm5", "cm6"), names);
        assertEquals(3, pages);
        assertEquals(400, api.send("GET", CMS + "?continue=garbage", null, null).statusCode());
    }

    @Test
    void watchFromARevisionStreamsEveryLaterChange() throws Exception {
        namespace("watching");
        String rv = json(createConfigMap("watching", "before")).path("metadata").path("resourceVersion").asText();
        createConfigMap("watching", "a");
        api.send("DELETE", "/api/v1/namespaces/watching/configmaps/a", null, null);
        List<String> lines = readWatch("/api/v1/namespaces/watching/configmaps?watch=true&resourceVersion=" + rv + "&timeoutSeconds=2", 2);
        assertEquals("ADDED a", lines.get(0));
        assertEquals("DELETED a", lines.get(1));
    }

    @Test
    void watchWithoutRevisionStartsWithTheCurrentState() throws Exception {
        namespace("initial");
        createConfigMap("initial", "x");
        createConfigMap("initial", "y");
        List<String> lines = readWatch("/api/v1/namespaces/initial/configmaps?watch=1&timeoutSeconds=1", 2);
        assertEquals(List.of("ADDED x", "ADDED y"), lines);
    }

    @Test
    void watchFromACompactedRevisionGets410() throws Exception {
        namespace("compacted");
        long old = Long.parseLong(json(createConfigMap("compacted", "c1")).path("metadata").path("resourceVersion").asText());
        createConfigMap("compacted", "c2");
        api.store.compact(api.store.currentRevision());
        // the watch cache still remembers recent changes; ask for one older than anything it holds
        HttpResponse<InputStream> r = api.http.send(HttpRequest.newBuilder(URI.create(api.url()
                + "/api/v1/namespaces/compacted/configmaps?watch=true&resourceVersion=1")).build(), HttpResponse.BodyHandlers.ofInputStream());
        String line = new BufferedReader(new InputStreamReader(r.body())).readLine();
        JsonNode event = Json.parse(line.getBytes());
        assertEquals("ERROR", event.path("type").asText());
        assertEquals(410, event.path("object").path("code").asInt());
        assertEquals("Expired", event.path("object").path("reason").asText());
        assertTrue(old > 1);
    }

    @Test
    void bookmarksCarryTheCurrentRevision() throws Exception {
        namespace("bookmarks");
        String rv = json(createConfigMap("bookmarks", "b")).path("metadata").path("resourceVersion").asText();
        HttpResponse<InputStream> r = api.http.send(HttpRequest.newBuilder(URI.create(api.url()
                        + "/api/v1/namespaces/bookmarks/configmaps?watch=true&allowWatchBookmarks=true&timeoutSeconds=7&resourceVersion=" + rv)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        JsonNode event = Json.parse(new BufferedReader(new InputStreamReader(r.body())).readLine().getBytes());
        assertEquals("BOOKMARK", event.path("type").asText());
        assertTrue(Long.parseLong(event.path("object").path("metadata").path("resourceVersion").asText()) >= Long.parseLong(rv));
    }

    private List<String> readWatch(String path, int count) throws Exception {
        HttpResponse<InputStream> r = api.http.send(HttpRequest.newBuilder(URI.create(api.url() + path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body()))) {
            String line;
            while (out.size() < count && (line = in.readLine()) != null) {
                JsonNode e = Json.parse(line.getBytes());
                out.add(e.path("type").asText() + " " + e.path("object").path("metadata").path("name").asText());
            }
        }
        return out;
    }

    @Test
    void badBodiesGetStatusErrorsAndStoreNothing() throws Exception {
        long before = api.store.currentRevision();
        HttpResponse<String> truncated = api.send("POST", CMS, "application/json", "{\"apiVersion\":\"v1\",\"kind\":");
        assertEquals(400, truncated.statusCode());
        assertEquals("Status", json(truncated).path("kind").asText());
        assertEquals("BadRequest", json(truncated).path("reason").asText());
        HttpResponse<String> huge = api.send("POST", CMS, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"huge\"},\"data\":{\"x\":\"" + "a".repeat(4 << 20) + "\"}}");
        assertEquals(413, huge.statusCode());
        assertEquals("RequestEntityTooLarge", json(huge).path("reason").asText());
        HttpResponse<String> wrongKind = api.send("POST", CMS, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}}");
        assertEquals(400, wrongKind.statusCode());
        HttpResponse<String> wrongType = api.send("POST", CMS, "text/plain", "hello");
        assertEquals(415, wrongType.statusCode());
        HttpResponse<String> deep = api.send("POST", CMS, "application/json", "[".repeat(5000) + "]".repeat(5000));
        assertEquals(400, deep.statusCode());
        HttpResponse<String> rvOnCreate = api.send("POST", CMS, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"rv\",\"resourceVersion\":\"5\"}}");
        assertEquals(400, rvOnCreate.statusCode());
        assertEquals(before, api.store.currentRevision(), "no rejected request wrote anything");
    }

    @Test
    void generateNameAndConflictsOnCreate() throws Exception {
        HttpResponse<String> a = api.send("POST", CMS, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"generateName\":\"gen-\"}}");
        assertEquals(201, a.statusCode());
        String name = json(a).path("metadata").path("name").asText();
        assertTrue(name.matches("gen-[a-z0-9]{5}"), name);
        HttpResponse<String> again = createConfigMap("default", name);
        assertEquals(409, again.statusCode());
        assertEquals("AlreadyExists", json(again).path("reason").asText());
        assertEquals(404, createConfigMap("missing-namespace", "x").statusCode());
    }

    @Test
    void bindingSetsTheNodeOnce() throws Exception {
        String pod = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"bound\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}";
        assertEquals(201, api.send("POST", "/api/v1/namespaces/default/pods", "application/json", pod).statusCode());
        String binding = "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"bound\"},\"target\":{\"kind\":\"Node\",\"name\":\"node-1\"}}";
        assertEquals(201, api.send("POST", "/api/v1/namespaces/default/pods/bound/binding", "application/json", binding).statusCode());
        assertEquals(409, api.send("POST", "/api/v1/namespaces/default/pods/bound/binding", "application/json", binding).statusCode());
        JsonNode stored = json(api.send("GET", "/api/v1/namespaces/default/pods/bound", null, null));
        assertEquals("node-1", stored.path("spec").path("nodeName").asText());
        // a bound pod is deleted gracefully: marked, not removed, until its kubelet (or a force delete) finishes
        JsonNode marked = json(api.send("DELETE", "/api/v1/namespaces/default/pods/bound", "application/json", "{}"));
        assertTrue(marked.path("metadata").has("deletionTimestamp"));
        assertEquals(30, marked.path("metadata").path("deletionGracePeriodSeconds").asInt());
        assertEquals(200, api.send("GET", "/api/v1/namespaces/default/pods/bound", null, null).statusCode());
        api.send("DELETE", "/api/v1/namespaces/default/pods/bound", "application/json", "{\"gracePeriodSeconds\":0}");
        assertEquals(404, api.send("GET", "/api/v1/namespaces/default/pods/bound", null, null).statusCode());
    }

    @Test
    void finalizersHoldAnObjectUntilRemoved() throws Exception {
        api.send("POST", CMS, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"held\",\"finalizers\":[\"example.com/hold\"]}}");
        HttpResponse<String> del = api.send("DELETE", CMS + "/held", null, null);
        assertEquals(202, del.statusCode());
        JsonNode held = json(api.send("GET", CMS + "/held", null, null));
        assertTrue(held.path("metadata").has("deletionTimestamp"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) held.path("metadata")).remove("finalizers");
        api.send("PUT", CMS + "/held", "application/json", Json.string(held));
        assertEquals(404, api.send("GET", CMS + "/held", null, null).statusCode());
    }

    @Test
    void resourceVersionIsTheStoreRevision() throws Exception {
        HttpResponse<String> r = createConfigMap("default", "rv-check");
        long rv = Long.parseLong(json(r).path("metadata").path("resourceVersion").asText());
        assertEquals(api.store.get("/registry/configmaps/default/rv-check").orElseThrow().modRevision(), rv);
        HttpResponse<String> noop = api.send("PUT", CMS + "/rv-check", "application/json", r.body());
        assertEquals(200, noop.statusCode());
        assertEquals(Long.toString(rv), json(noop).path("metadata").path("resourceVersion").asText(), "a no-op update writes nothing");
        HttpResponse<String> stale = api.send("PUT", CMS + "/rv-check", "application/json",
                r.body().replace("\"resourceVersion\":\"" + rv + "\"", "\"resourceVersion\":\"" + (rv - 1) + "\"")
                        .replace("\"metadata\":{", "\"data\":{\"k\":\"v\"},\"metadata\":{"));
        assertEquals(409, stale.statusCode());
        assertNotEquals("", json(stale).path("message").asText());
        assertFalse(json(api.send("GET", CMS + "/rv-check", null, null)).has("data"));
    }

    @Test
    void yamlInAndOutAsCurlScriptsUseIt() throws Exception {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  greeting: hello\n";
        assertEquals(201, api.send("POST", CMS, "application/yaml", yaml).statusCode());
        HttpResponse<String> r = api.http.send(HttpRequest.newBuilder(URI.create(api.url() + CMS + "/from-yaml"))
                .header("Accept", "application/yaml").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("application/yaml", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("greeting: hello"), r.body());
    }

    @Test
    void unknownFieldsAreRejectedWhenStrictAndWarnedOtherwise() throws Exception {
        String pod = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s\"},\"spec\":{\"containers\":"
                + "[{\"name\":\"c\",\"image\":\"busybox\",\"imagePullPolizy\":\"Always\"}]}}";
        HttpResponse<String> strict = api.send("POST", "/api/v1/namespaces/default/pods?fieldValidation=Strict", "application/json",
                pod.formatted("strict"));
        assertEquals(400, strict.statusCode());
        assertEquals("strict decoding error: unknown field \"spec.containers[0].imagePullPolizy\"", json(strict).path("message").asText());
        HttpResponse<String> warned = api.send("POST", "/api/v1/namespaces/default/pods", "application/json", pod.formatted("warned"));
        assertEquals(201, warned.statusCode());
        assertEquals("299 - \"unknown field \\\"spec.containers[0].imagePullPolizy\\\"\"", warned.headers().firstValue("Warning").orElse(""));
        assertFalse(json(warned).path("spec").path("containers").get(0).has("imagePullPolizy"), "unknown fields are dropped");
        assertEquals("Always", json(warned).path("spec").path("containers").get(0).path("imagePullPolicy").asText(),
                "defaults applied: busybox has no tag, so Always");
    }

    @Test
    void invalidObjectsGetKubernetesMessages() throws Exception {
        HttpResponse<String> r = api.send("POST", "/apis/apps/v1/namespaces/default/deployments", "application/json",
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"Bad_Name\"},\"spec\":{\"selector\":"
                        + "{\"matchLabels\":{\"app\":\"a\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"b\"}},\"spec\":{\"containers\":"
                        + "[{\"name\":\"c\",\"image\":\"nginx\"}]}}}}");
        assertEquals(422, r.statusCode());
        JsonNode status = json(r);
        assertEquals("Invalid", status.path("reason").asText());
        String message = status.path("message").asText();
        assertTrue(message.startsWith("Deployment.apps \"Bad_Name\" is invalid: ["), message);
        assertTrue(message.contains("metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain"), message);
        assertTrue(message.contains("spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"b\"}: `selector` does not match template `labels`"), message);
    }
}
