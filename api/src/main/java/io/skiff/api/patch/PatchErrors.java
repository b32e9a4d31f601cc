package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.errors.ApiException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The errors a patch can fail with, in the Kubernetes API server's words. Where Kubernetes
 * 1.32 answers a malformed strategic merge patch with a bare Go error (a 500 with reason ""),
 * Skiff keeps the message and answers 400 BadRequest: the fault is in the request.
 */
final class PatchErrors {
    /** What {@code NewGenericServerResponse(422, ...)} says; Kubernetes drops the detail. */
    static final String REJECTED = "the server rejected our request due to an error in our request";

    private PatchErrors() {
    }

    /** 422 Invalid with the generic text: a JSON patch that does not apply, a list of lists. */
    static ApiException rejected(Throwable cause) {
        ApiException e = new ApiException(422, "Invalid", REJECTED);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    static ApiException unknownPatchType(JsonNode directive, JsonNode map) {
        return ApiException.badRequest("unknown patch type: " + goString(directive) + " in map: " + GoFormat.value(map));
    }

    static ApiException noMergeKey(JsonNode map, String mergeKey) {
        return ApiException.badRequest("map: " + GoFormat.value(map) + " does not contain declared merge key: " + mergeKey);
    }

    static ApiException badArgType(String expectedGoType, JsonNode actual) {
        return ApiException.badRequest("expected a " + expectedGoType + ", but received a " + GoFormat.typeName(actual));
    }

    static ApiException listOfLists() {
        return rejected(new IllegalArgumentException("lists of lists are not supported"));
    }

    static ApiException badRetainKeys() {
        return ApiException.badRequest("invalid patch format of retainKeys");
    }

    static ApiException badPrimitiveList() {
        return ApiException.badRequest("invalid patch format of primitive list");
    }

    static ApiException badSetElementOrder() {
        return ApiException.badRequest("invalid patch format of setElementOrder list");
    }

    static ApiException orderMismatch(JsonNode patchList, JsonNode orderList) {
        return ApiException.badRequest("The order in patch list:\n" + GoFormat.value(patchList) + "\n doesn't match "
                + Directives.SET_ELEMENT_ORDER + " list:\n" + GoFormat.value(orderList) + "\n");
    }

    static ApiException mixedElementTypes(List<JsonNode> lists) {
        return ApiException.badRequest("list element types are not identical: ["
                + lists.stream().map(GoFormat::value).collect(Collectors.joining(" ")) + "]");
    }

    static ApiException noMergeKeyDeclared(String field) {
        return ApiException.badRequest("cannot merge lists without merge key for " + field);
    }

    /** Go's {@code %s} of a decoded JSON value. */
    private static String goString(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        return "%!s(" + GoFormat.typeName(value) + "=" + GoFormat.value(value) + ")";
    }
}
