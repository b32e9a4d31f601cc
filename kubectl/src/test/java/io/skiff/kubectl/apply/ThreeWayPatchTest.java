package io.skiff.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.patch.PatchMetas;
import io.skiff.kubectl.print.GoJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The patches are the ones kubectl 1.32 sent in the recorded sessions (KUBECTL-WIRE.md §3). */
class ThreeWayPatchTest {
    private static ObjectNode json(String s) {
        return (ObjectNode) Json.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    private static final String POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"app":"v1"},"name":"nginx","namespace":"default"},
             "spec":{"containers":[{"image":"nginx:1.27","name":"nginx","ports":[{"containerPort":80}]}]}}""";

    /** What the server holds after creating POD: defaults, status and the annotation. */
    private static JsonNode live(ObjectNode applied) {
        ObjectNode live = applied.deepCopy();
        live.with("metadata").put("uid", "u").put("resourceVersion", "7");
        ObjectNode c = (ObjectNode) live.with("spec").withArray("containers").get(0);
        c.put("imagePullPolicy", "IfNotPresent");
        ((ObjectNode) c.withArray("ports").get(0)).put("protocol", "TCP");
        live.with("spec").put("restartPolicy", "Always");
        live.putObject("status").put("phase", "Pending");
        return live;
    }

    @Test
    void theAnnotationRecordsTheManifestAsSortedJsonWithANewline() {
        ObjectNode modified = LastApplied.annotate(json(POD));
        assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"v1\"},\"name\":\"nginx\","
                        + "\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"image\":\"nginx:1.27\",\"name\":\"nginx\",\"ports\":[{\"containerPort\":80}]}]}}\n",
                modified.path("metadata").path("annotations").path(LastApplied.ANNOTATION).asText());
    }

    @Test
    void anUnchangedManifestGivesAnEmptyPatch() {
        ObjectNode applied = LastApplied.annotate(json(POD));
        JsonNode live = live(applied);
        assertTrue(ThreeWayPatch.compute(LastApplied.of(live), live, LastApplied.annotate(json(POD)), PatchMetas.POD).isEmpty());
    }

    @Test
    void changedImageAndAddedLabelGiveKubectlsPatch() {
        JsonNode live = live(LastApplied.annotate(json(POD)));
        ObjectNode edited = LastApplied.annotate(json(POD.replace("\"app\":\"v1\"", "\"app\":\"v1\",\"tier\":\"web\"").replace("1.27", "1.28")));
        ObjectNode patch = ThreeWayPatch.compute(LastApplied.of(live), live, edited, PatchMetas.POD);
        String annotation = edited.path("metadata").path("annotations").path(LastApplied.ANNOTATION).asText();
        ObjectNode expected = json("{\"metadata\":{\"annotations\":{},\"labels\":{\"tier\":\"web\"}},"
                + "\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"image\":\"nginx:1.28\",\"name\":\"nginx\"}]}}");
        expected.with("metadata").with("annotations").put(LastApplied.ANNOTATION, annotation);
        assertEquals(GoJson.compact(expected), GoJson.compact(patch));
    }

    @Test
    void fieldsDroppedFromTheManifestAreDeletedButServerDefaultsStay() {
        ObjectNode withTier = json(POD.replace("\"app\":\"v1\"", "\"app\":\"v1\",\"tier\":\"web\""));
        JsonNode live = live(LastApplied.annotate(withTier));
        ObjectNode patch = ThreeWayPatch.compute(LastApplied.of(live), live, LastApplied.annotate(json(POD)), PatchMetas.POD);
        assertTrue(patch.path("metadata").path("labels").path("tier").isNull(), patch.toString());
        assertTrue(patch.path("spec").isMissingNode(), "defaults such as imagePullPolicy are not touched: " + patch);
    }

    @Test
    void removedMergeListElementsBecomeDeleteDirectives() {
        String two = POD.replace("\"ports\":[{\"containerPort\":80}]}]", "\"ports\":[{\"containerPort\":80}]},{\"image\":\"busybox\",\"name\":\"side\"}]");
        JsonNode live = live(LastApplied.annotate(json(two)));
        ObjectNode patch = ThreeWayPatch.compute(LastApplied.of(live), live, LastApplied.annotate(json(POD)), PatchMetas.POD);
        assertEquals("{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"$patch\":\"delete\",\"name\":\"side\"}]}",
                GoJson.compact(patch.path("spec")));
    }

    @Test
    void listsWithoutMergeKeysAreReplacedWhole() {
        String deploy = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\"},\"spec\":{\"template\":{\"spec\":"
                + "{\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"args\":[\"a\",\"b\"]}]}}}}";
        JsonNode live = LastApplied.annotate(json(deploy));
        ObjectNode patch = ThreeWayPatch.compute(LastApplied.of(live), live, LastApplied.annotate(json(deploy.replace("[\"a\",\"b\"]", "[\"a\"]"))), PatchMetas.WORKLOAD);
        assertEquals("{\"$setElementOrder/containers\":[{\"name\":\"c\"}],\"containers\":[{\"args\":[\"a\"],\"name\":\"c\"}]}",
                GoJson.compact(patch.path("spec").path("template").path("spec")));
    }
}
