package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaGeneratorTest {
    private static final String CORE = "io.k8s.api.core.v1.";
    private static final String APPS = "io.k8s.api.apps.v1.";
    private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";

    private static final List<ModelRef> ROOTS = List.of(
            root(V1Pod.class, "", "Pod"), root(V1Deployment.class, "apps", "Deployment"),
            root(V1Secret.class, "", "Secret"), root(V1Lease.class, "coordination.k8s.io", "Lease"),
            root(V1EndpointSlice.class, "discovery.k8s.io", "EndpointSlice"));

    private final SortedMap<String, ObjectNode> v3 = new SchemaGenerator(Dialect.OPENAPI_3).definitions(ROOTS);
    private final SortedMap<String, ObjectNode> v2 = new SchemaGenerator(Dialect.SWAGGER_2).definitions(ROOTS);

    @Test
    void podSpecContainersIsADescribedArrayOfContainerRefsMergedByName() {
        JsonNode containers = property(v3, CORE + "PodSpec", "containers");
        assertEquals("array", containers.get("type").asText());
        assertEquals("#/components/schemas/" + CORE + "Container", containers.at("/items/$ref").asText());
        assertTrue(containers.get("description").asText().startsWith("List of containers belonging to the pod."));
        assertEquals("name", containers.get("x-kubernetes-patch-merge-key").asText());
        assertEquals("merge", containers.get("x-kubernetes-patch-strategy").asText());
        assertEquals("#/definitions/" + CORE + "Container", property(v2, CORE + "PodSpec", "containers").at("/items/$ref").asText());
    }

    @Test
    void wellKnownListsHaveKubernetesMergeKeys() {
        assertEquals("containerPort", property(v3, CORE + "Container", "ports").get("x-kubernetes-patch-merge-key").asText());
        assertEquals("mountPath", property(v3, CORE + "Container", "volumeMounts").get("x-kubernetes-patch-merge-key").asText());
        assertEquals("name", property(v3, CORE + "Container", "env").get("x-kubernetes-patch-merge-key").asText());
        assertEquals("merge,retainKeys", property(v3, CORE + "PodSpec", "volumes").get("x-kubernetes-patch-strategy").asText());
        assertEquals("type", property(v3, CORE + "PodStatus", "conditions").get("x-kubernetes-patch-merge-key").asText());
        assertEquals("uid", property(v3, META + "ObjectMeta", "ownerReferences").get("x-kubernetes-patch-merge-key").asText());
        assertEquals("retainKeys", property(v3, APPS + "DeploymentSpec", "strategy").get("x-kubernetes-patch-strategy").asText());
        assertFalse(property(v3, CORE + "PodSpec", "tolerations").has("x-kubernetes-patch-strategy"));
    }

    @Test
    void aDescribedReferenceIsWrappedInAllOfForV3AndSitsBesideTheDescriptionForV2() {
        JsonNode maxSurge = property(v3, APPS + "RollingUpdateDeployment", "maxSurge");
        assertEquals("#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString", maxSurge.at("/allOf/0/$ref").asText());
        assertFalse(maxSurge.has("$ref"));
        assertTrue(maxSurge.has("description"));

        JsonNode v2MaxSurge = property(v2, APPS + "RollingUpdateDeployment", "maxSurge");
        assertEquals("#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString", v2MaxSurge.get("$ref").asText());
        assertTrue(v2MaxSurge.has("description"));
    }

    @Test
    void intOrStringQuantityAndTimeAreScalarsNotObjects() {
        ObjectNode intOrString = v3.get("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
        assertTrue(intOrString.get("x-kubernetes-int-or-string").asBoolean());
        assertEquals("int-or-string", intOrString.get("format").asText());
        assertEquals(List.of("integer", "string"), types(intOrString.get("oneOf")));
        assertEquals(List.of("string", "number"), types(v3.get("io.k8s.apimachinery.pkg.api.resource.Quantity").get("oneOf")));
        // Swagger 2 has no oneOf: both are strings there, which kubectl's validation accepts for numbers too.
        assertEquals("string", v2.get("io.k8s.apimachinery.pkg.util.intstr.IntOrString").get("type").asText());
        assertTrue(v2.get("io.k8s.apimachinery.pkg.util.intstr.IntOrString").get("x-kubernetes-int-or-string").asBoolean());
        assertEquals("string", v2.get("io.k8s.apimachinery.pkg.api.resource.Quantity").get("type").asText());

        assertEquals("#/components/schemas/" + META + "Time",
                property(v3, META + "ObjectMeta", "creationTimestamp").at("/allOf/0/$ref").asText());
        assertEquals(Map.of("type", "string", "format", "date-time"), typeAndFormat(v3.get(META + "Time")));
        assertEquals("#/components/schemas/" + META + "MicroTime",
                property(v3, "io.k8s.api.coordination.v1.LeaseSpec", "renewTime").at("/allOf/0/$ref").asText());
        assertEquals("#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity",
                property(v3, CORE + "ResourceRequirements", "limits").at("/additionalProperties/$ref").asText());
    }

    @Test
    void scalarsCarryKubernetesFormats() {
        assertEquals(Map.of("type", "integer", "format", "int32"), typeAndFormat(property(v3, CORE + "ContainerPort", "containerPort")));
        assertEquals(Map.of("type", "integer", "format", "int64"), typeAndFormat(property(v3, CORE + "PodSpec", "activeDeadlineSeconds")));
        JsonNode secretData = property(v3, CORE + "Secret", "data");
        assertEquals("object", secretData.get("type").asText());
        assertEquals(Map.of("type", "string", "format", "byte"), typeAndFormat(secretData.get("additionalProperties")));
        assertEquals(Map.of("type", "string"), typeAndFormat(property(v3, META + "ObjectMeta", "labels").get("additionalProperties")));
        assertEquals("object", v3.get(META + "FieldsV1").get("type").asText());
    }

    @Test
    void topLevelKindsCarryTheirGroupVersionKindAndNestedTypesDoNot() {
        assertEquals(Map.of("group", "", "version", "v1", "kind", "Pod"), gvk(v3.get(CORE + "Pod")));
        assertEquals(Map.of("group", "apps", "version", "v1", "kind", "Deployment"), gvk(v3.get(APPS + "Deployment")));
        assertEquals(Map.of("group", "coordination.k8s.io", "version", "v1", "kind", "Lease"),
                gvk(v3.get("io.k8s.api.coordination.v1.Lease")));
        assertFalse(v3.get(CORE + "PodSpec").has("x-kubernetes-group-version-kind"));
        assertFalse(v3.get(META + "ObjectMeta").has("x-kubernetes-group-version-kind"));
    }

    @Test
    void typesAreNamedAfterTheKubernetesPackageThatDefinesThem() {
        // PodTemplateSpec is reached from a Deployment but is core's; DeploymentSpec is apps'.
        assertEquals("#/components/schemas/" + CORE + "PodTemplateSpec", property(v3, APPS + "DeploymentSpec", "template").get("$ref").asText());
        assertTrue(v3.containsKey(APPS + "DeploymentSpec"));
        assertTrue(v3.containsKey("io.k8s.api.discovery.v1.Endpoint"));
        assertTrue(v3.containsKey("io.k8s.api.discovery.v1.EndpointPort"));
        assertTrue(v3.containsKey(CORE + "ObjectReference"));
        assertTrue(v3.containsKey(META + "LabelSelector"));
        for (String name : v3.keySet()) {
            assertTrue(name.startsWith("io.k8s.api.") || name.startsWith("io.k8s.apimachinery.pkg."), name);
        }
    }

    @Test
    void requiredPropertiesAndTypeDescriptionsComeFromClientJava() {
        assertEquals(List.of("name"), strings(v3.get(CORE + "Container").get("required")));
        assertEquals(List.of("containers"), strings(v3.get(CORE + "PodSpec").get("required")));
        assertEquals("PodSpec is a description of a pod.", v3.get(CORE + "PodSpec").get("description").asText());
        assertFalse(v3.get(CORE + "Pod").has("required"));
    }

    @Test
    void everyReferenceResolvesToADefinition() {
        for (SortedMap<String, ObjectNode> definitions : List.of(v3, v2)) {
            List<String> refs = new ArrayList<>();
            definitions.values().forEach(schema -> collectRefs(schema, refs));
            assertFalse(refs.isEmpty());
            for (String ref : refs) {
                assertTrue(definitions.containsKey(ref.substring(ref.lastIndexOf('/') + 1)), ref);
            }
        }
    }

    static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    private static ModelRef root(Class<?> model, String group, String kind) {
        return new ModelRef(model, group, List.of(new GroupVersionKind(group, "v1", kind)));
    }

    private static JsonNode property(Map<String, ObjectNode> definitions, String definition, String property) {
        JsonNode schema = definitions.get(definition);
        assertTrue(schema != null, "no definition " + definition);
        JsonNode value = schema.at("/properties/" + property);
        assertFalse(value.isMissingNode(), definition + " has no property " + property);
        return value;
    }

    private static Map<String, String> typeAndFormat(JsonNode schema) {
        return schema.has("format")
                ? Map.of("type", schema.get("type").asText(), "format", schema.get("format").asText())
                : Map.of("type", schema.get("type").asText());
    }

    private static Map<String, String> gvk(JsonNode schema) {
        JsonNode kinds = schema.get("x-kubernetes-group-version-kind");
        assertEquals(1, kinds.size());
        JsonNode k = kinds.get(0);
        return Map.of("group", k.get("group").asText(), "version", k.get("version").asText(), "kind", k.get("kind").asText());
    }

    private static List<String> types(JsonNode oneOf) {
        List<String> types = new ArrayList<>();
        oneOf.forEach(alternative -> types.add(alternative.get("type").asText()));
        return types;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
