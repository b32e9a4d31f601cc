package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiV3Test {
    private static final OpenApiV3 OPENAPI = new OpenApiV3(ResourceTypes.ALL_TYPES);

    @Test
    void rootListsEachGroupVersionAtAUrlNamedByTheDigestOfItsDocument() {
        ObjectNode paths = (ObjectNode) OPENAPI.root().get("paths");
        assertEquals(List.of("api/v1", "apis/apps/v1", "apis/coordination.k8s.io/v1", "apis/discovery.k8s.io/v1",
                "apis/events.k8s.io/v1", "apis/rbac.authorization.k8s.io/v1"), fieldNames(paths));
        for (String path : OPENAPI.groupVersions()) {
            ServedDocument document = OPENAPI.document(path).orElseThrow();
            assertEquals("/openapi/v3/" + path + "?hash=" + document.hash(), paths.get(path).get("serverRelativeURL").asText());
            assertTrue(document.hash().matches("[0-9A-F]{128}"), document.hash());
        }
    }

    @Test
    void documentsAreStableAcrossInstancesSoHashesSurviveRestarts() {
        OpenApiV3 again = new OpenApiV3(ResourceTypes.ALL_TYPES);
        assertEquals(OPENAPI.root(), again.root());
        assertArrayEquals(OPENAPI.document("apis/apps/v1").orElseThrow().body(), again.document("apis/apps/v1").orElseThrow().body());
    }

    @Test
    void aGroupVersionDocumentHasCollectionItemAndSubresourcePaths() {
        JsonNode paths = document("api/v1").get("paths");
        for (String path : List.of("/api/v1/namespaces/{namespace}/pods", "/api/v1/namespaces/{namespace}/pods/{name}",
                "/api/v1/pods", "/api/v1/namespaces/{namespace}/pods/{name}/status",
                "/api/v1/namespaces/{namespace}/pods/{name}/log", "/api/v1/namespaces/{namespace}/pods/{name}/exec",
                "/api/v1/namespaces/{namespace}/pods/{name}/proxy/{path}", "/api/v1/nodes/{name}",
                "/api/v1/namespaces/{name}/finalize", "/api/v1/namespaces/{namespace}/serviceaccounts/{name}/token")) {
            assertTrue(paths.has(path), path);
        }
        assertFalse(paths.has("/api/v1/namespaces/{namespace}/nodes"));
        assertFalse(paths.has("/apis/apps/v1/namespaces/{namespace}/deployments"), "other group-versions stay out");
        JsonNode item = paths.get("/api/v1/namespaces/{namespace}/pods/{name}");
        assertEquals(Set.of("get", "put", "patch", "delete", "parameters"), Set.copyOf(fieldNames(item)));
        assertEquals(List.of("name", "namespace", "pretty"), names(item.get("parameters")));
        assertEquals("readCoreV1NamespacedPod", item.at("/get/operationId").asText());
    }

    @Test
    void patchOperationsTellKubectlTheKindAndThePatchTypes() {
        JsonNode patch = document("apis/apps/v1").get("paths").get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").get("patch");
        assertEquals("patch", patch.get("x-kubernetes-action").asText());
        assertEquals("apps", patch.at("/x-kubernetes-group-version-kind/group").asText());
        assertEquals("Deployment", patch.at("/x-kubernetes-group-version-kind/kind").asText());
        assertEquals(ResourceOperations.PATCH_TYPES, fieldNames(patch.at("/requestBody/content")));
        assertEquals("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch",
                patch.at("/requestBody/content/application~1strategic-merge-patch+json/schema/$ref").asText());
        assertEquals("#/components/schemas/io.k8s.api.apps.v1.Deployment",
                patch.at("/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals(List.of("dryRun", "fieldManager", "force"), names(patch.get("parameters")));

        JsonNode scale = document("apis/apps/v1").get("paths").get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale");
        assertEquals("autoscaling", scale.at("/patch/x-kubernetes-group-version-kind/group").asText());
        assertEquals("Scale", scale.at("/put/x-kubernetes-group-version-kind/kind").asText());
    }

    @Test
    void writesTakeFieldValidationButPatchesDoNotAdvertiseIt() {
        JsonNode pods = document("api/v1").get("paths").get("/api/v1/namespaces/{namespace}/pods");
        assertEquals(List.of("dryRun", "fieldManager", "fieldValidation"), names(pods.at("/post/parameters")));
        assertEquals("post", pods.at("/post/x-kubernetes-action").asText());
        assertEquals("list", pods.at("/get/x-kubernetes-action").asText());
        assertEquals("deletecollection", pods.at("/delete/x-kubernetes-action").asText());
        // kubectl keeps its client-side schema validation only while no PATCH lists fieldValidation.
        for (String gv : OPENAPI.groupVersions()) {
            document(gv).get("paths").forEach(item -> {
                if (item.has("patch")) {
                    assertFalse(names(item.at("/patch/parameters")).contains("fieldValidation"));
                }
            });
        }
    }

    @Test
    void everySchemaAnOperationMentionsIsInTheDocumentWithUniqueOperationIds() {
        for (String gv : OPENAPI.groupVersions()) {
            JsonNode document = document(gv);
            assertEquals("3.0.0", document.get("openapi").asText());
            JsonNode schemas = document.at("/components/schemas");
            List<String> refs = new ArrayList<>();
            SchemaGeneratorTest.collectRefs(document, refs);
            for (String ref : refs) {
                assertTrue(ref.startsWith("#/components/schemas/"), ref);
                assertTrue(schemas.has(ref.substring("#/components/schemas/".length())), gv + ": " + ref);
            }
            Set<String> ids = new HashSet<>();
            document.get("paths").forEach(item -> item.properties().forEach(op -> {
                if (!op.getKey().equals("parameters")) {
                    assertTrue(ids.add(op.getValue().get("operationId").asText()), op.getValue().get("operationId").asText());
                    assertTrue(op.getValue().has("x-kubernetes-group-version-kind"));
                }
            }));
        }
    }

    @Test
    void eachKindIsFoundByItsGroupVersionKindAsKubectlExplainLooksItUp() {
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            JsonNode schemas = document(OpenApiV3.pathOf(type)).at("/components/schemas");
            List<String> matches = new ArrayList<>();
            schemas.properties().forEach(e -> e.getValue().path("x-kubernetes-group-version-kind").forEach(k -> {
                if (k.get("group").asText().equals(type.group()) && k.get("kind").asText().equals(type.kind())
                        && k.get("version").asText().equals(type.version())) {
                    matches.add(e.getKey());
                }
            }));
            assertEquals(List.of(SchemaGenerator.nameOf(ModelRefs.kind(type))), matches, type.qualifiedPlural());
        }
    }

    @Test
    void anUnknownGroupVersionHasNoDocument() {
        assertEquals(Optional.empty(), OPENAPI.groupVersion("apis/batch/v1"));
        assertEquals(Optional.empty(), OPENAPI.groupVersion("api"));
    }

    private static JsonNode document(String path) {
        return OPENAPI.groupVersion(path).orElseThrow();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("name").asText()));
        return names;
    }
}
