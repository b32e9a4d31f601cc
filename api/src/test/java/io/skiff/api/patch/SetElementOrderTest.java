package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.skiff.api.patch.Trees.assertApiError;
import static io.skiff.api.patch.Trees.assertJson;
import static io.skiff.api.patch.Trees.bytes;
import static io.skiff.api.patch.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code $setElementOrder/<list>}: what kubectl apply and kubectl set image send. */
class SetElementOrderTest {
    private static final JsonNode SPEC = json("""
            {"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"},{"name":"c","image":"c:1"}],
             "volumes":[{"name":"v1"}]}""");

    private static JsonNode patch(String patch) {
        return StrategicMergePatch.apply(SPEC, bytes(patch), PatchMetas.POD_SPEC);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    @Test
    void reordersWithoutChangingContents() {
        JsonNode r = patch("{\"$setElementOrder/containers\":[{\"name\":\"c\"},{\"name\":\"a\"},{\"name\":\"b\"}]}");
        assertEquals(List.of("c", "a", "b"), names(r.get("containers")));
        assertEquals("a:1", r.at("/containers/1/image").asText());
        assertFalse(r.has("$setElementOrder/containers"));
    }

    @Test
    void mergesThePatchListAndAppliesTheOrder() {
        JsonNode r = patch("""
                {"$setElementOrder/containers":[{"name":"b"},{"name":"a"},{"name":"c"}],
                 "containers":[{"name":"a","image":"a:2"}]}""");
        assertEquals(List.of("b", "a", "c"), names(r.get("containers")));
        assertEquals("a:2", r.at("/containers/1/image").asText());
    }

    @Test
    void elementsOnlyTheServerKnowsStayInTheirLivePlace() {
        // "b" was added by someone else: kubectl's order names only a and c.
        JsonNode r = patch("""
                {"$setElementOrder/containers":[{"name":"c"},{"name":"a"}],"containers":[{"name":"a","image":"a:3"}]}""");
        assertEquals(List.of("b", "c", "a"), names(r.get("containers")));
    }

    @Test
    void addsNewElementsWhereTheOrderSays() {
        JsonNode r = patch("""
                {"$setElementOrder/containers":[{"name":"a"},{"name":"new"},{"name":"b"},{"name":"c"}],
                 "containers":[{"name":"new","image":"n:1"}]}""");
        assertEquals(List.of("a", "new", "b", "c"), names(r.get("containers")));
    }

    @Test
    void aListMissingFromTheObjectIsCreatedInOrder() {
        JsonNode r = patch("""
                {"$setElementOrder/initContainers":[{"name":"y"},{"name":"x"}],
                 "initContainers":[{"name":"y","image":"y:1"},{"name":"x","image":"x:1","gone":null}]}""");
        assertJson("[{\"name\":\"y\",\"image\":\"y:1\"},{\"name\":\"x\",\"image\":\"x:1\"}]", r.get("initContainers"));
    }

    @Test
    void aDirectiveForAListThatIsNowhereIsDropped() {
        JsonNode r = patch("{\"$setElementOrder/ephemeralContainers\":[{\"name\":\"e\"}]}");
        assertEquals(SPEC, r);
    }

    @Test
    void worksWithDeletionsInTheSamePatch() {
        JsonNode r = patch("""
                {"$setElementOrder/containers":[{"name":"c"},{"name":"a"}],
                 "containers":[{"name":"b","$patch":"delete"}]}""");
        assertEquals(List.of("c", "a"), names(r.get("containers")));
    }

    @Test
    void primitiveListsAreOrderedByValue() {
        JsonNode meta = json("{\"finalizers\":[\"x\",\"y\",\"z\"]}");
        JsonNode r = StrategicMergePatch.apply(meta,
                bytes("{\"$setElementOrder/finalizers\":[\"z\",\"x\",\"y\"]}"), PatchMetas.OBJECT_META);
        assertJson("[\"z\",\"x\",\"y\"]", r.get("finalizers"));
    }

    @Test
    void aPatchListOutOfTheDirectivesOrderIsRefused() {
        assertApiError(400, "BadRequest",
                "The order in patch list:\n[map[name:b] map[name:a]]\n doesn't match $setElementOrder list:\n[map[name:a] map[name:b]]\n",
                () -> patch("""
                        {"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],
                         "containers":[{"name":"b"},{"name":"a"}]}"""));
    }

    @Test
    void aPatchElementTheDirectiveDoesNotNameIsRefused() {
        assertApiError(400, "BadRequest", () -> patch("""
                {"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"zzz","image":"z"}]}"""));
    }

    @Test
    void malformedDirectivesAreBadRequests() {
        assertApiError(400, "BadRequest", "expected a []interface {}, but received a string",
                () -> patch("{\"$setElementOrder/containers\":\"a\"}"));
        assertApiError(400, "BadRequest", "map: map[image:a] does not contain declared merge key: name",
                () -> patch("{\"$setElementOrder/containers\":[{\"image\":\"a\"}]}"));
        assertApiError(400, "BadRequest", "expected a map[string]interface {}, but received a string",
                () -> patch("{\"$setElementOrder/containers\":[\"a\"]}"));
        assertApiError(400, "BadRequest", "expected a []interface {}, but received a <nil>",
                () -> patch("{\"$setElementOrder/containers\":[{\"name\":\"a\"}],\"containers\":null}"));
    }
}
