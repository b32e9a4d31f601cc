package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.skiff.api.patch.Trees.assertApiError;
import static io.skiff.api.patch.Trees.assertJson;
import static io.skiff.api.patch.Trees.bytes;
import static io.skiff.api.patch.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonPatchTest {
    private static final String REJECTED = "the server rejected our request due to an error in our request";

    private final JsonNode doc = json("""
            {"metadata":{"name":"a","labels":{"app":"web"}},"spec":{"ports":[{"port":80},{"port":443}]}}""");
    private final JsonNode pristine = doc.deepCopy();

    @Test
    void appliesEveryOperationToACopy() {
        JsonNode result = JsonPatch.apply(doc, bytes("""
                [{"op":"add","path":"/metadata/labels/tier","value":"fe"},
                 {"op":"remove","path":"/metadata/labels/app"},
                 {"op":"replace","path":"/spec/ports/1/port","value":8443},
                 {"op":"copy","from":"/metadata/name","path":"/metadata/generateName"},
                 {"op":"move","from":"/spec/ports/0","path":"/spec/ports/-"},
                 {"op":"test","path":"/metadata/name","value":"a"}]"""));
        assertJson("""
                {"metadata":{"name":"a","generateName":"a","labels":{"tier":"fe"}},
                 "spec":{"ports":[{"port":8443},{"port":80}]}}""", result);
        assertEquals(pristine, doc);
    }

    @Test
    void removingAMissingKeyIsInvalidAsInKubernetes() {
        assertApiError(422, "Invalid", REJECTED,
                () -> JsonPatch.apply(doc, bytes("[{\"op\":\"remove\",\"path\":\"/spec/affinity\"}]")));
    }

    @Test
    void replacingAMissingPathIsInvalid() {
        assertApiError(422, "Invalid", REJECTED,
                () -> JsonPatch.apply(doc, bytes("[{\"op\":\"replace\",\"path\":\"/spec/ports/5/port\",\"value\":1}]")));
        assertApiError(422, "Invalid", REJECTED,
                () -> JsonPatch.apply(doc, bytes("[{\"op\":\"replace\",\"path\":\"/status/phase\",\"value\":\"x\"}]")));
    }

    @Test
    void addingUnderAMissingParentIsInvalid() {
        assertApiError(422, "Invalid", REJECTED,
                () -> JsonPatch.apply(doc, bytes("[{\"op\":\"add\",\"path\":\"/metadata/annotations/a\",\"value\":\"b\"}]")));
    }

    @Test
    void aFailedTestOperationIsInvalidAndKeepsTheCauseForLogs() {
        var e = assertApiError(422, "Invalid", REJECTED,
                () -> JsonPatch.apply(doc, bytes("[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"b\"}]")));
        assertEquals(com.flipkart.zjsonpatch.JsonPatchApplicationException.class, e.getCause().getClass());
    }

    @Test
    void pointersThatDoNotFitTheDocumentAreInvalid() {
        for (String path : new String[] {"/spec/ports/abc", "/spec/ports/-1", "/spec/ports/99999999999999999999",
                "spec", "/spec/~2", "/metadata/name/x"}) {
            assertApiError(422, "Invalid", REJECTED,
                    () -> JsonPatch.apply(doc, bytes("[{\"op\":\"add\",\"path\":\"" + path + "\",\"value\":1}]")));
        }
    }

    @Test
    void operationFieldsMustBeStringsAsKubernetesDecodesThem() {
        assertApiError(400, "BadRequest",
                "error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string",
                () -> JsonPatch.apply(doc, bytes("[{\"op\":5,\"path\":\"/a\"}]")));
        assertApiError(400, "BadRequest",
                "error decoding patch: json: cannot unmarshal object into Go struct field jsonPatchOp.from of type string",
                () -> JsonPatch.apply(doc, bytes("[{\"op\":\"copy\",\"from\":{},\"path\":\"/a\"}]")));
    }

    @Test
    void anUnknownOperationIsInvalid() {
        assertApiError(422, "Invalid", REJECTED,
                () -> JsonPatch.apply(doc, bytes("[{\"op\":\"frobnicate\",\"path\":\"/metadata\"}]")));
    }

    @Test
    void aLaterFailureLeavesNothingApplied() {
        assertApiError(422, "Invalid", () -> JsonPatch.apply(doc, bytes("""
                [{"op":"replace","path":"/metadata/name","value":"changed"},
                 {"op":"remove","path":"/nope"}]""")));
        assertEquals(pristine, doc);
    }

    @Test
    void anOperationWithoutValueWritesNullAsKubernetesLibraryDoes() {
        assertJson("{\"metadata\":{\"name\":null,\"labels\":{\"app\":\"web\"}},\"spec\":{\"ports\":[{\"port\":80},{\"port\":443}]}}",
                JsonPatch.apply(doc, bytes("[{\"op\":\"replace\",\"path\":\"/metadata/name\"}]")));
    }

    @Test
    void aBodyThatIsNotAListIsABadRequest() {
        assertApiError(400, "BadRequest",
                "error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp",
                () -> JsonPatch.apply(doc, bytes("{\"op\":\"remove\",\"path\":\"/a\"}")));
        assertApiError(400, "BadRequest",
                "error decoding patch: json: cannot unmarshal number into Go value of type handlers.jsonPatchOp",
                () -> JsonPatch.apply(doc, bytes("[1]")));
    }

    @Test
    void malformedJsonIsABadRequest() {
        var e = assertApiError(400, "BadRequest", () -> JsonPatch.apply(doc, bytes("[{\"op\":")));
        assertEquals(true, e.getMessage().startsWith("error decoding patch: "), e.getMessage());
        assertApiError(400, "BadRequest", "error decoding patch: unexpected end of JSON input",
                () -> JsonPatch.apply(doc, new byte[0]));
        assertApiError(400, "BadRequest", () -> JsonPatch.apply(doc, bytes("[] []")));
    }

    @Test
    void tooManyOperationsIsRequestEntityTooLarge() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
            sb.append(i > 0 ? "," : "").append("{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"a\"}");
        }
        assertApiError(413, "RequestEntityTooLarge",
                "The allowed maximum operations in a JSON patch is 10000, got 10001",
                () -> JsonPatch.apply(doc, bytes(sb.append("]").toString())));
    }

    @Test
    void anEmptyListChangesNothing() {
        assertEquals(doc, JsonPatch.apply(doc, bytes("[]")));
    }
}
