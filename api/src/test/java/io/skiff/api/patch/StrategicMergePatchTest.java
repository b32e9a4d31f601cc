package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.skiff.api.patch.Trees.assertJson;
import static io.skiff.api.patch.Trees.bytes;
import static io.skiff.api.patch.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Maps, merge lists and replaced lists, without directives. */
class StrategicMergePatchTest {
    private static final JsonNode POD = json("""
            {"apiVersion":"v1","kind":"Pod",
             "metadata":{"name":"p","labels":{"app":"web","tier":"fe"},"finalizers":["a","b"],
                         "ownerReferences":[{"uid":"u1","name":"rs1"}]},
             "spec":{"containers":[
                        {"name":"app","image":"app:1","ports":[{"containerPort":80,"protocol":"TCP"}],
                         "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                         "volumeMounts":[{"mountPath":"/data","name":"data"}],"args":["--x","--y"]},
                        {"name":"sidecar","image":"side:1"}],
                     "tolerations":[{"key":"k1","operator":"Exists"}],
                     "volumes":[{"name":"data","emptyDir":{}}]},
             "status":{"phase":"Pending","conditions":[{"type":"Ready","status":"False"},{"type":"PodScheduled","status":"True"}],
                       "podIPs":[{"ip":"10.0.0.1"}]}}""");

    private static JsonNode patch(String patch) {
        JsonNode before = POD.deepCopy();
        JsonNode result = StrategicMergePatch.apply(POD, bytes(patch), PatchMetas.POD);
        assertEquals(before, POD, "the original must not change");
        return result;
    }

    @Test
    void mapsMergeAndNullDeletes() {
        JsonNode r = patch("{\"metadata\":{\"labels\":{\"tier\":null,\"env\":\"prod\"},\"annotations\":{\"a\":\"b\",\"gone\":null}}}");
        assertJson("{\"app\":\"web\",\"env\":\"prod\"}", r.at("/metadata/labels"));
        assertJson("{\"a\":\"b\"}", r.at("/metadata/annotations"));
        assertEquals("p", r.at("/metadata/name").asText());
    }

    @Test
    void containersMergeByNameKeepingWhatThePatchDoesNotMention() {
        JsonNode r = patch("{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"app:2\"}]}}");
        JsonNode app = r.at("/spec/containers/0");
        assertEquals("app:2", app.get("image").asText());
        assertJson("[{\"containerPort\":80,\"protocol\":\"TCP\"}]", app.get("ports"));
        assertEquals("sidecar", r.at("/spec/containers/1/name").asText());
        assertEquals(2, r.at("/spec/containers").size());
    }

    @Test
    void aNewElementGoesBeforeTheElementsThePatchDoesNotName() {
        // Kubernetes' "kubectl patch" task page shows the added container first.
        JsonNode r = patch("{\"spec\":{\"containers\":[{\"name\":\"new\",\"image\":\"n:1\",\"ready\":null}]}}");
        assertJson("{\"name\":\"new\",\"image\":\"n:1\"}", r.at("/spec/containers/0"));
        assertEquals("app", r.at("/spec/containers/1/name").asText());
        assertEquals("sidecar", r.at("/spec/containers/2/name").asText());
    }

    @Test
    void patchOrderWinsForTheElementsItNames() {
        JsonNode r = patch("{\"spec\":{\"containers\":[{\"name\":\"sidecar\"},{\"name\":\"app\"}]}}");
        assertEquals("sidecar", r.at("/spec/containers/0/name").asText());
        assertEquals("app", r.at("/spec/containers/1/name").asText());
    }

    @Test
    void nestedMergeListsUseTheirOwnKeys() {
        JsonNode r = patch("""
                {"spec":{"containers":[{"name":"app",
                   "ports":[{"containerPort":80.0,"hostPort":8080},{"containerPort":443}],
                   "env":[{"name":"B","value":"two"},{"name":"A","value":null}],
                   "volumeMounts":[{"mountPath":"/data","readOnly":true}]}]}}""");
        JsonNode app = r.at("/spec/containers/0");
        // 80.0 and 80 are the same port: merged, not added; the patch names both, so its order holds.
        assertEquals(2, app.get("ports").size());
        assertEquals("TCP", app.at("/ports/0/protocol").asText());
        assertEquals(8080, app.at("/ports/0/hostPort").asInt());
        assertEquals(443, app.at("/ports/1/containerPort").asInt());
        assertJson("[{\"name\":\"B\",\"value\":\"two\"},{\"name\":\"A\"}]", app.get("env"));
        assertJson("[{\"mountPath\":\"/data\",\"name\":\"data\",\"readOnly\":true}]", app.get("volumeMounts"));
    }

    @Test
    void listsWithoutMergeStrategyAreReplaced() {
        JsonNode r = patch("""
                {"spec":{"tolerations":[{"key":"k2","operator":"Equal","value":"v"}],
                         "containers":[{"name":"app","args":["--z"]}]}}""");
        assertJson("[{\"key\":\"k2\",\"operator\":\"Equal\",\"value\":\"v\"}]", r.at("/spec/tolerations"));
        assertJson("[\"--z\"]", r.at("/spec/containers/0/args"));
    }

    @Test
    void primitiveMergeListsAreUnionsWithNewValuesFirst() {
        JsonNode r = patch("{\"metadata\":{\"finalizers\":[\"c\",\"a\"]}}");
        assertJson("[\"c\",\"a\",\"b\"]", r.at("/metadata/finalizers"));
    }

    @Test
    void ownerReferencesMergeByUid() {
        JsonNode r = patch("{\"metadata\":{\"ownerReferences\":[{\"uid\":\"u1\",\"controller\":true},{\"uid\":\"u2\",\"name\":\"rs2\"}]}}");
        assertJson("[{\"uid\":\"u1\",\"name\":\"rs1\",\"controller\":true},{\"uid\":\"u2\",\"name\":\"rs2\"}]",
                r.at("/metadata/ownerReferences"));
    }

    @Test
    void statusConditionsMergeByTypeAsTheKubeletSendsThem() {
        JsonNode r = patch("""
                {"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"},{"type":"Initialized","status":"True"}],
                           "podIPs":[{"ip":"10.0.0.1"}]}}""");
        assertEquals("Running", r.at("/status/phase").asText());
        assertJson("""
                [{"type":"Ready","status":"True"},{"type":"Initialized","status":"True"},{"type":"PodScheduled","status":"True"}]""",
                r.at("/status/conditions"));
        assertJson("[{\"ip\":\"10.0.0.1\"}]", r.at("/status/podIPs"));
    }

    @Test
    void aValueOfAnotherTypeReplacesAndAMissingFieldIsCreated() {
        JsonNode r = patch("{\"spec\":{\"volumes\":null,\"hostname\":\"h\",\"tolerations\":\"oops\",\"securityContext\":{\"runAsUser\":1,\"fsGroup\":null}}}");
        assertEquals(false, r.get("spec").has("volumes"));
        assertEquals("h", r.at("/spec/hostname").asText());
        assertEquals("oops", r.at("/spec/tolerations").asText());
        assertJson("{\"runAsUser\":1}", r.at("/spec/securityContext"));
    }

    @Test
    void aNullPatchChangesNothing() {
        assertEquals(POD, StrategicMergePatch.apply(POD, bytes("null"), PatchMetas.POD));
        assertEquals(POD, patch("{}"));
    }

    @Test
    void unknownFieldsGetTheDefaultTreatment() {
        JsonNode original = json("{\"spec\":{\"things\":[1,2],\"map\":{\"a\":1}}}");
        JsonNode r = StrategicMergePatch.apply(original, bytes("{\"spec\":{\"things\":[3],\"map\":{\"b\":2}}}"), PatchMeta.EMPTY);
        assertJson("{\"spec\":{\"things\":[3],\"map\":{\"a\":1,\"b\":2}}}", r);
    }

    @Test
    void serviceNodeAndServiceAccountListsMergeByTheirKeys() {
        JsonNode svc = json("{\"spec\":{\"ports\":[{\"port\":80,\"nodePort\":30001},{\"port\":443}]}}");
        assertJson("[{\"port\":80,\"nodePort\":30500},{\"port\":443}]",
                StrategicMergePatch.apply(svc, bytes("{\"spec\":{\"ports\":[{\"port\":80,\"nodePort\":30500}]}}"),
                        PatchMetas.SERVICE).at("/spec/ports"));

        JsonNode node = json("{\"spec\":{\"podCIDRs\":[\"10.244.0.0/24\"]},\"status\":{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"1.1.1.1\"}]}}");
        JsonNode n = StrategicMergePatch.apply(node, bytes("""
                {"spec":{"podCIDRs":["fd00::/64"]},"status":{"addresses":[{"type":"Hostname","address":"n1"}]}}"""), PatchMetas.NODE);
        assertJson("[\"fd00::/64\",\"10.244.0.0/24\"]", n.at("/spec/podCIDRs"));
        assertEquals(2, n.at("/status/addresses").size());

        JsonNode sa = json("{\"secrets\":[{\"name\":\"s1\"}]}");
        assertEquals(2, StrategicMergePatch.apply(sa, bytes("{\"secrets\":[{\"name\":\"s2\"}]}"),
                PatchMetas.SERVICE_ACCOUNT).get("secrets").size());
    }
}
