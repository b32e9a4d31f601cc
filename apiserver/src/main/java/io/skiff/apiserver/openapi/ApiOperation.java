package io.skiff.apiserver.openapi;

import java.util.List;

/**
 * One HTTP method on one path, as both OpenAPI dialects describe it.
 *
 * @param method     lower-case HTTP method
 * @param action     {@code x-kubernetes-action}: get, list, post, put, patch, delete, deletecollection, connect
 * @param body       the request body's schema, or null when the operation takes none
 * @param consumes   the request body's content types
 * @param responses  the success responses
 * @param produces   the response content types
 */
record ApiOperation(String method, String id, String tag, String description, String action, GroupVersionKind kind,
                    List<Parameter> parameters, ModelRef body, List<String> consumes,
                    List<ApiResponse> responses, List<String> produces) {

    ApiOperation withProduces(List<String> types) {
        return new ApiOperation(method, id, tag, description, action, kind, parameters, body, consumes, responses, types);
    }

    /** @param schema the body's schema; null for a plain string (logs, streams) */
    record ApiResponse(int code, ModelRef schema) {
    }
}
