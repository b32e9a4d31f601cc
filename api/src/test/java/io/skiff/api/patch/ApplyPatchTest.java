package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import static io.skiff.api.patch.Trees.assertApiError;
import static io.skiff.api.patch.Trees.assertJson;
import static io.skiff.api.patch.Trees.bytes;
import static io.skiff.api.patch.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kubectl apply --server-side}: B09 and B10 of the wire log. */
class ApplyPatchTest {
    private static final PatchTarget POD = PatchTarget.of(ResourceTypes.PODS);
    private static final String APPLIED_POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"app":"v1"},"name":"nginx","namespace":"default"},
             "spec":{"containers":[{"image":"nginx:1.27","name":"nginx","ports":[{"containerPort":80}]}]}}
            """;

    @Test
    void createsWhenNothingIsThere() {
        // B10: kubectl apply --server-side -f cm.yaml for a new ConfigMap answers 201.
        String cm = "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\"},\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\",\"namespace\":\"default\"}}\n";
        JsonNode r = Patches.apply("application/apply-patch+yaml", null, bytes(cm), ResourceTypes.CONFIGMAPS);
        assertJson(cm, r);
    }

    @Test
    void mergesIntoTheLiveObjectByMergeKeys() {
        JsonNode live = json("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"app":"v0","extra":"kept"},"name":"nginx","namespace":"default","uid":"u"},
                 "spec":{"containers":[{"image":"nginx:1.26","name":"nginx","imagePullPolicy":"IfNotPresent",
                                        "ports":[{"containerPort":80,"protocol":"TCP"}]}],"nodeName":"node1"},
                 "status":{"phase":"Running"}}""");
        JsonNode r = ApplyPatch.apply(live, bytes(APPLIED_POD), POD);
        assertJson("{\"app\":\"v1\",\"extra\":\"kept\"}", r.at("/metadata/labels"));
        assertJson("""
                [{"image":"nginx:1.27","name":"nginx","imagePullPolicy":"IfNotPresent","ports":[{"containerPort":80,"protocol":"TCP"}]}]""",
                r.at("/spec/containers"));
        assertEquals("node1", r.at("/spec/nodeName").asText());
        assertEquals("u", r.at("/metadata/uid").asText());
    }

    @Test
    void acceptsYaml() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: nginx
                  labels:
                    app: v2
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.28
                """;
        JsonNode r = Patches.apply("application/apply-patch+yaml", json(APPLIED_POD), bytes(yaml), ResourceTypes.PODS);
        assertEquals("v2", r.at("/metadata/labels/app").asText());
        assertEquals("nginx:1.28", r.at("/spec/containers/0/image").asText());
        assertEquals(80, r.at("/spec/containers/0/ports/0/containerPort").asInt());
    }

    @Test
    void theVersionAndKindMustBeTheTargets() {
        assertApiError(400, "BadRequest",
                "Incorrect version specified in apply patch. Specified patch version: apps/v1, expected: v1",
                () -> ApplyPatch.apply(null, bytes("{\"apiVersion\":\"apps/v1\",\"kind\":\"Pod\"}"), POD));
        assertApiError(400, "BadRequest",
                "Incorrect version specified in apply patch. Specified patch version: , expected: v1",
                () -> ApplyPatch.apply(null, bytes("{\"kind\":\"Pod\"}"), POD));
        assertApiError(400, "BadRequest",
                "Incorrect kind specified in apply patch. Specified patch kind: Service, expected: Pod",
                () -> ApplyPatch.apply(null, bytes("{\"apiVersion\":\"v1\",\"kind\":\"Service\"}"), POD));
    }

    @Test
    void directivesAreUndeclaredFieldsInAnAppliedObject() {
        assertApiError(400, "BadRequest",
                "failed to create typed patch object (/v1, Kind=Pod): .spec.containers[0].$patch: field not declared in schema",
                () -> ApplyPatch.apply(json(APPLIED_POD), bytes("""
                        {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"nginx","$patch":"delete"}]}}"""), POD));
    }

    @Test
    void undecodableOrNonObjectBodiesAreBadRequests() {
        var e = assertApiError(400, "BadRequest", () -> ApplyPatch.apply(null, bytes("a: [1"), POD));
        assertTrue(e.getMessage().startsWith("error decoding YAML: "), e.getMessage());
        assertApiError(400, "BadRequest",
                "error decoding YAML: json: cannot unmarshal array into Go value of type map[string]interface {}",
                () -> ApplyPatch.apply(null, bytes("- a\n- b\n"), POD));
        assertApiError(400, "BadRequest",
                "error decoding YAML: json: cannot unmarshal null into Go value of type map[string]interface {}",
                () -> ApplyPatch.apply(null, bytes(""), POD));
    }
}
