package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.skiff.api.patch.Trees.assertApiError;
import static io.skiff.api.patch.Trees.bytes;
import static io.skiff.api.patch.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchesTest {
    private static final JsonNode DEPLOYMENT = json("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}}}""");

    @Test
    void picksThePatchTypeFromTheContentTypeIgnoringParametersAndCase() {
        String patch = "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"side\",\"image\":\"s\"}]}}}}";
        JsonNode strategic = Patches.apply("application/strategic-merge-patch+json; charset=utf-8", DEPLOYMENT,
                bytes(patch), ResourceTypes.DEPLOYMENTS);
        assertEquals(2, strategic.at("/spec/template/spec/containers").size());
        JsonNode merge = Patches.apply("Application/Merge-Patch+JSON", DEPLOYMENT, bytes(patch), ResourceTypes.DEPLOYMENTS);
        assertEquals(1, merge.at("/spec/template/spec/containers").size());
        assertEquals(PatchType.JSON, PatchType.ofContentType(" application/json-patch+json ;x=y"));
    }

    @Test
    void anUnknownContentTypeIsUnsupportedMediaType() {
        String message = "the body of the request was in an unknown format - accepted media types include: "
                + "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, "
                + "application/apply-patch+yaml";
        assertApiError(415, "UnsupportedMediaType", message,
                () -> Patches.apply("application/json", DEPLOYMENT, bytes("{}"), ResourceTypes.DEPLOYMENTS));
        assertApiError(415, "UnsupportedMediaType", message,
                () -> Patches.apply(null, DEPLOYMENT, bytes("{}"), ResourceTypes.DEPLOYMENTS));
    }

    @Test
    void aResultThatNoLongerDecodesIsInvalidLikeKubernetesSays() {
        ApiException e = assertApiError(422, "Invalid", () -> Patches.apply("application/merge-patch+json", DEPLOYMENT,
                bytes("{\"spec\":{\"replicas\":\"three\"}}"), ResourceTypes.DEPLOYMENTS));
        assertTrue(e.getMessage().startsWith(" \"\" is invalid: patch: Invalid value: \"{"), e.getMessage());
        assertEquals("patch", e.causes().get(0).field());
        assertEquals("FieldValueInvalid", e.causes().get(0).reason());

        ApiException s = assertApiError(422, "Invalid", () -> Patches.apply("application/strategic-merge-patch+json",
                DEPLOYMENT, bytes("{\"spec\":{\"replicas\":\"three\"}}"), ResourceTypes.DEPLOYMENTS));
        assertTrue(s.getMessage().startsWith(" \"\" is invalid: patch: Invalid value: \"map[spec:map[replicas:three]]\": "),
                s.getMessage());
    }

    @Test
    void aJsonPatchCannotTurnTheObjectIntoSomethingElse() {
        assertApiError(422, "Invalid", () -> Patches.apply("application/json-patch+json", DEPLOYMENT,
                bytes("[{\"op\":\"replace\",\"path\":\"\",\"value\":[1,2]}]"), ResourceTypes.DEPLOYMENTS));
    }

    @Test
    void theCurrentObjectIsNeverModified() {
        JsonNode before = DEPLOYMENT.deepCopy();
        for (PatchType type : PatchType.values()) {
            String body = type == PatchType.JSON ? "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]"
                    : type == PatchType.APPLY ? "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":{\"replicas\":5}}"
                    : "{\"spec\":{\"replicas\":5}}";
            JsonNode r = Patches.apply(type.mediaType(), DEPLOYMENT, bytes(body), ResourceTypes.DEPLOYMENTS);
            assertEquals(5, r.at("/spec/replicas").asInt(), type.name());
        }
        assertEquals(before, DEPLOYMENT);
    }

    @Test
    void malformedPatchesNeverEscapeAsAnythingButAStatusOfTheRequestsFault() {
        List<String> bodies = List.of("", "{", "}", "[", "null", "1", "\"s\"", "[1]", "[{}]", "[{\"op\":\"add\"}]",
                "{\"$patch\":\"x\"}", "{\"spec\":{\"$patch\":5}}", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[1]}}}}",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[[1]]}}}}",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"x\"}]}}}}",
                "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":{}}}}}",
                "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"b\"}],\"containers\":[{\"name\":\"a\"}]}}}}",
                "{\"spec\":{\"$retainKeys\":5}}", "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[[1]]}}",
                "{\"apiVersion\":\"v1\",\"kind\":\"Deployment\"}", "{\"spec\":{\"replicas\":[]}}", "{\"metadata\":\"x\"}",
                ": - :", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  $patch: delete\n");
        Set<Integer> requestFaults = Set.of(400, 413, 415, 422);
        for (PatchType type : PatchType.values()) {
            for (String body : bodies) {
                try {
                    Patches.apply(type.mediaType(), DEPLOYMENT, bytes(body), ResourceTypes.DEPLOYMENTS);
                } catch (ApiException e) {
                    assertTrue(requestFaults.contains(e.code()), type + " " + body + " -> " + e.code() + " " + e.getMessage());
                }
            }
        }
    }

    @Test
    void everyServedKindHasATarget() {
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            PatchTarget target = PatchTarget.of(type);
            assertEquals(type.kind(), target.kind());
            assertEquals(type.apiVersion(), target.apiVersion());
        }
        assertEquals("/v1, Kind=Pod", PatchTarget.of(ResourceTypes.PODS).groupVersionKind());
        assertEquals("apps/v1, Kind=Deployment", PatchTarget.of(ResourceTypes.DEPLOYMENTS).groupVersionKind());
    }
}
