package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiV2Test {
    private static final OpenApiV2 OPENAPI = new OpenApiV2(ResourceTypes.ALL_TYPES);

    @Test
    void isASwagger2DocumentOfEveryServedType() {
        ObjectNode document = OPENAPI.document();
        assertEquals("2.0", document.get("swagger").asText());
        JsonNode definitions = document.get("definitions");
        assertTrue(definitions.has("io.k8s.api.core.v1.Pod"));
        assertTrue(definitions.has("io.k8s.api.apps.v1.Deployment"));
        assertTrue(definitions.has("io.k8s.api.events.v1.Event"));
        assertTrue(document.get("paths").has("/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases/{name}"));
        List<String> refs = new ArrayList<>();
        SchemaGeneratorTest.collectRefs(document, refs);
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/definitions/") && definitions.has(ref.substring("#/definitions/".length())), ref);
        }
    }

    @Test
    void bodiesAreBodyParametersAndParametersAreTyped() {
        JsonNode post = OPENAPI.document().get("paths").get("/api/v1/namespaces/{namespace}/pods").get("post");
        JsonNode body = post.get("parameters").get(post.get("parameters").size() - 1);
        assertEquals("body", body.get("in").asText());
        assertEquals("#/definitions/io.k8s.api.core.v1.Pod", body.at("/schema/$ref").asText());
        assertEquals("string", post.get("parameters").get(0).get("type").asText());
        assertEquals("#/definitions/io.k8s.api.core.v1.Pod", post.at("/responses/201/schema/$ref").asText());
        JsonNode patch = OPENAPI.document().get("paths").get("/api/v1/namespaces/{namespace}/pods/{name}").get("patch");
        assertEquals(ResourceOperations.PATCH_TYPES.size(), patch.get("consumes").size());
        assertEquals("Pod", patch.at("/x-kubernetes-group-version-kind/kind").asText());
    }

    @Test
    void protobufIsGnosticsDocumentWithEveryDefinition() throws InvalidProtocolBufferException {
        UnknownFieldSet document = UnknownFieldSet.parseFrom(OPENAPI.protobuf().body());
        assertEquals("2.0", document.getField(1).getLengthDelimitedList().get(0).toStringUtf8());
        UnknownFieldSet definitions = UnknownFieldSet.parseFrom(document.getField(9).getLengthDelimitedList().get(0));
        List<String> names = new ArrayList<>();
        for (ByteString named : definitions.getField(1).getLengthDelimitedList()) {
            names.add(UnknownFieldSet.parseFrom(named).getField(1).getLengthDelimitedList().get(0).toStringUtf8());
        }
        assertEquals(fieldNames(OPENAPI.document().get("definitions")), names);

        UnknownFieldSet paths = UnknownFieldSet.parseFrom(document.getField(8).getLengthDelimitedList().get(0));
        assertEquals(OPENAPI.document().get("paths").size(), paths.getField(2).getLengthDelimitedList().size());
    }

    @Test
    void theGroupVersionKindOfAKindTravelsAsAVendorExtension() throws InvalidProtocolBufferException {
        UnknownFieldSet pod = definition("io.k8s.api.core.v1.Pod");
        List<String> extensions = new ArrayList<>();
        for (ByteString named : pod.getField(31).getLengthDelimitedList()) {
            UnknownFieldSet extension = UnknownFieldSet.parseFrom(named);
            String yaml = UnknownFieldSet.parseFrom(extension.getField(2).getLengthDelimitedList().get(0))
                    .getField(2).getLengthDelimitedList().get(0).toStringUtf8();
            extensions.add(extension.getField(1).getLengthDelimitedList().get(0).toStringUtf8() + "=" + yaml);
        }
        assertEquals(List.of("x-kubernetes-group-version-kind=[{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}]"), extensions);
        UnknownFieldSet type = UnknownFieldSet.parseFrom(pod.getField(22).getLengthDelimitedList().get(0));
        assertEquals("object", type.getField(1).getLengthDelimitedList().get(0).toStringUtf8());
        assertFalse(pod.getField(25).getLengthDelimitedList().isEmpty(), "properties");
    }

    private static UnknownFieldSet definition(String name) throws InvalidProtocolBufferException {
        UnknownFieldSet document = UnknownFieldSet.parseFrom(OPENAPI.protobuf().body());
        UnknownFieldSet definitions = UnknownFieldSet.parseFrom(document.getField(9).getLengthDelimitedList().get(0));
        for (ByteString named : definitions.getField(1).getLengthDelimitedList()) {
            UnknownFieldSet entry = UnknownFieldSet.parseFrom(named);
            if (entry.getField(1).getLengthDelimitedList().get(0).toStringUtf8().equals(name)) {
                return UnknownFieldSet.parseFrom(entry.getField(2).getLengthDelimitedList().get(0));
            }
        }
        throw new AssertionError("no definition " + name);
    }

    private static List<String> fieldNames(JsonNode node) {
        return OpenApiV3Test.fieldNames(node);
    }
}
