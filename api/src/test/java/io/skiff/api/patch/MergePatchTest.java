package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.skiff.api.patch.Trees.assertApiError;
import static io.skiff.api.patch.Trees.assertJson;
import static io.skiff.api.patch.Trees.bytes;
import static io.skiff.api.patch.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergePatchTest {
    private final JsonNode doc = json("""
            {"metadata":{"name":"x","labels":{"run":"x","app":"v1"}},
             "spec":{"containers":[{"name":"x","image":"y"}],"replicas":1}}""");
    private final JsonNode pristine = doc.deepCopy();

    @Test
    void mergesObjectsAndReplacesScalars() {
        assertJson("""
                {"metadata":{"name":"x","labels":{"run":"x","app":"v2","tier":"fe"}},
                 "spec":{"containers":[{"name":"x","image":"y"}],"replicas":3}}""",
                MergePatch.apply(doc, bytes("{\"metadata\":{\"labels\":{\"app\":\"v2\",\"tier\":\"fe\"}},\"spec\":{\"replicas\":3}}")));
        assertEquals(pristine, doc);
    }

    @Test
    void nullRemovesAKeyAsKubectlLabelMinusSends() {
        assertJson("""
                {"metadata":{"name":"x","labels":{"run":"x"}},"spec":{"containers":[{"name":"x","image":"y"}],"replicas":1}}""",
                MergePatch.apply(doc, bytes("{\"metadata\":{\"labels\":{\"app\":null}}}")));
    }

    @Test
    void listsAreReplacedWholeNotMerged() {
        assertJson("[{\"name\":\"z\"}]",
                MergePatch.apply(doc, bytes("{\"spec\":{\"containers\":[{\"name\":\"z\"}]}}")).at("/spec/containers"));
    }

    @Test
    void aNewObjectDropsItsNullsAndAScalarBecomesAnObject() {
        JsonNode result = MergePatch.apply(doc, bytes("""
                {"status":{"phase":"Running","reason":null},"spec":{"replicas":{"min":1}}}"""));
        assertJson("{\"phase\":\"Running\"}", result.get("status"));
        assertJson("{\"min\":1}", result.at("/spec/replicas"));
    }

    @Test
    void removingAMissingKeyIsFine() {
        assertEquals(doc, MergePatch.apply(doc, bytes("{\"status\":null,\"metadata\":{\"annotations\":null}}")));
    }

    @Test
    void theBodyMustBeAnObject() {
        assertApiError(400, "BadRequest",
                "error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}",
                () -> MergePatch.apply(doc, bytes("[{\"a\":1}]")));
        assertApiError(400, "BadRequest", "Invalid JSON Patch", () -> MergePatch.apply(doc, bytes("null")));
    }

    @Test
    void malformedJsonIsABadRequest() {
        var e = assertApiError(400, "BadRequest", () -> MergePatch.apply(doc, bytes("{\"spec\": ")));
        assertTrue(e.getMessage().startsWith("error decoding patch: "), e.getMessage());
    }
}
