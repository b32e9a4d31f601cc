package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.skiff.api.patch.Trees.assertApiError;
import static io.skiff.api.patch.Trees.assertJson;
import static io.skiff.api.patch.Trees.bytes;
import static io.skiff.api.patch.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code $patch}, {@code $retainKeys} and {@code $deleteFromPrimitiveList}. */
class StrategicDirectivesTest {
    private static final JsonNode DEPLOYMENT = json("""
            {"metadata":{"name":"web","finalizers":["a","b","c"],"labels":{"app":"web"}},
             "spec":{"replicas":2,
                     "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}},
                     "template":{"metadata":{"labels":{"app":"web"}},
                                 "spec":{"containers":[{"name":"a","image":"a:1","env":[{"name":"X","value":"1"}]},
                                                       {"name":"b","image":"b:1"},
                                                       {"name":"c","image":"c:1"}]}}}}""");

    private static JsonNode patch(String patch) {
        JsonNode before = DEPLOYMENT.deepCopy();
        JsonNode result = StrategicMergePatch.apply(DEPLOYMENT, bytes(patch), PatchMetas.WORKLOAD);
        assertEquals(before, DEPLOYMENT);
        return result;
    }

    private static JsonNode containers(JsonNode deployment) {
        return deployment.at("/spec/template/spec/containers");
    }

    @Test
    void deleteDirectiveRemovesAListElementByMergeKey() {
        JsonNode r = patch("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"b\",\"$patch\":\"delete\"}]}}}}");
        assertJson("[{\"name\":\"a\",\"image\":\"a:1\",\"env\":[{\"name\":\"X\",\"value\":\"1\"}]},{\"name\":\"c\",\"image\":\"c:1\"}]",
                containers(r));
    }

    @Test
    void replaceDirectiveInAListReplacesTheWholeList() {
        JsonNode r = patch("""
                {"spec":{"template":{"spec":{"containers":[{"name":"z","image":"z:1","x":null},{"$patch":"replace"}]}}}}""");
        assertJson("[{\"name\":\"z\",\"image\":\"z:1\"}]", containers(r));
    }

    @Test
    void replaceDirectiveOnAMapReplacesTheMap() {
        JsonNode r = patch("{\"spec\":{\"strategy\":{\"$patch\":\"replace\",\"type\":\"Recreate\",\"gone\":null}}}");
        assertJson("{\"type\":\"Recreate\"}", r.at("/spec/strategy"));
    }

    @Test
    void deleteDirectiveOnAMapEmptiesIt() {
        JsonNode r = patch("{\"metadata\":{\"labels\":{\"$patch\":\"delete\"}}}");
        assertJson("{}", r.at("/metadata/labels"));
    }

    @Test
    void mergeDirectiveIsTheExplicitDefault() {
        JsonNode r = patch("""
                {"metadata":{"labels":{"$patch":"merge","tier":"fe"}},
                 "spec":{"template":{"spec":{"containers":[{"name":"a","image":"a:2","$patch":"merge"},{"$patch":"merge"}]}}}}""");
        assertJson("{\"app\":\"web\",\"tier\":\"fe\"}", r.at("/metadata/labels"));
        assertEquals(3, containers(r).size());
        assertEquals("a:2", containers(r).at("/0/image").asText());
        assertFalse(containers(r).get(0).has("$patch"));
    }

    @Test
    void anUnknownPatchDirectiveIsABadRequestInKubernetesWords() {
        assertApiError(400, "BadRequest", "unknown patch type: frob in map: map[$patch:frob type:Recreate]",
                () -> patch("{\"spec\":{\"strategy\":{\"$patch\":\"frob\",\"type\":\"Recreate\"}}}"));
        assertApiError(400, "BadRequest", "unknown patch type: frob in map: map[$patch:frob name:a]",
                () -> patch("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"$patch\":\"frob\"}]}}}}"));
        assertApiError(400, "BadRequest", "unknown patch type: %!s(int64=1) in map: map[$patch:1]",
                () -> patch("{\"metadata\":{\"$patch\":1}}"));
    }

    @Test
    void deletingAnElementNeedsItsMergeKey() {
        assertApiError(400, "BadRequest", "map: map[$patch:delete image:b:1] does not contain declared merge key: name",
                () -> patch("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"b:1\",\"$patch\":\"delete\"}]}}}}"));
    }

    @Test
    void retainKeysClearsWhatIsNotListed() {
        // What kubectl apply sends when the strategy switches to Recreate.
        JsonNode r = patch("{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}}");
        assertJson("{\"type\":\"Recreate\"}", r.at("/spec/strategy"));
    }

    @Test
    void retainKeysKeepsListedKeysThePatchDoesNotSet() {
        JsonNode r = patch("{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\",\"rollingUpdate\"],\"type\":\"RollingUpdate\",\"gone\":null}}}");
        assertJson("{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":1,\"maxUnavailable\":0}}", r.at("/spec/strategy"));
    }

    @Test
    void retainKeysMustListEveryKeyThePatchSets() {
        assertApiError(400, "BadRequest", "invalid patch format of retainKeys",
                () -> patch("{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\",\"rollingUpdate\":{}}}}"));
        assertApiError(400, "BadRequest", "invalid patch format of retainKeys",
                () -> patch("{\"spec\":{\"strategy\":{\"$retainKeys\":\"type\"}}}"));
    }

    @Test
    void deleteFromPrimitiveListRemovesValues() {
        JsonNode r = patch("{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"b\",\"zzz\"]}}");
        assertJson("[\"a\",\"c\"]", r.at("/metadata/finalizers"));
        assertFalse(r.get("metadata").has("$deleteFromPrimitiveList/finalizers"));
    }

    @Test
    void deleteFromPrimitiveListWorksAlongsideAMergeOfTheSameList() {
        JsonNode r = patch("""
                {"metadata":{"$setElementOrder/finalizers":["a","d"],"finalizers":["d"],
                             "$deleteFromPrimitiveList/finalizers":["b","c"]}}""");
        assertJson("[\"a\",\"d\"]", r.at("/metadata/finalizers"));
    }

    @Test
    void deleteFromAMissingListDoesNothing() {
        JsonNode r = patch("{\"spec\":{\"$deleteFromPrimitiveList/args\":[\"x\"]}}");
        assertFalse(r.get("spec").has("args"));
    }

    @Test
    void malformedDirectiveKeysAreBadRequests() {
        assertApiError(400, "BadRequest", "invalid patch format of primitive list",
                () -> patch("{\"metadata\":{\"$deleteFromPrimitiveListfinalizers\":[\"b\"]}}"));
        assertApiError(400, "BadRequest", "invalid patch format of setElementOrder list",
                () -> patch("{\"metadata\":{\"$setElementOrderfinalizers\":[\"b\"]}}"));
        assertApiError(400, "BadRequest", "invalid patch format of primitive list",
                () -> patch("{\"spec\":{\"template\":{\"spec\":{\"$deleteFromPrimitiveList/containers\":[{\"name\":\"a\"}]}}}}"));
    }

    @Test
    void aMergeListElementWithoutTheMergeKeyIsABadRequest() {
        assertApiError(400, "BadRequest", "map: map[image:x] does not contain declared merge key: name",
                () -> patch("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"x\"}]}}}}"));
    }

    @Test
    void listsOfListsAreRejectedAsKubernetesDoes() {
        assertApiError(422, "Invalid", "the server rejected our request due to an error in our request",
                () -> StrategicMergePatch.apply(json("{\"metadata\":{\"finalizers\":[]}}"),
                        bytes("{\"metadata\":{\"finalizers\":[[\"a\"]]}}"), PatchMetas.WORKLOAD));
        // After a string, a list is just another type.
        assertApiError(400, "BadRequest", "list element types are not identical: [[a b c] [[a]]]",
                () -> patch("{\"metadata\":{\"finalizers\":[[\"a\"]]}}"));
    }

    @Test
    void mixedElementTypesAreABadRequest() {
        assertApiError(400, "BadRequest", "list element types are not identical: [[a b c] [map[name:x]]]",
                () -> patch("{\"metadata\":{\"finalizers\":[{\"name\":\"x\"}]}}"));
    }

    @Test
    void aPatchThatIsNotAnObjectIsABadRequest() {
        assertApiError(400, "BadRequest", "json: cannot unmarshal array into Go value of type map[string]interface {}",
                () -> patch("[]"));
        assertApiError(400, "BadRequest", () -> patch("{\"spec\":"));
    }
}
