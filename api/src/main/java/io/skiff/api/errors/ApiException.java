package io.skiff.api.errors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

import java.util.List;

/**
 * An API error that becomes a Kubernetes {@code Status} reply. Thrown anywhere in request
 * handling and mapped to HTTP in one place.
 */
public class ApiException extends RuntimeException {
    private final int code;
    private final String reason;
    private final String kind;
    private final String name;
    private final String group;
    private final List<FieldError> causes;
    private final Integer retryAfterSeconds;

    public ApiException(int code, String reason, String message) {
        this(code, reason, message, null, null, null, List.of(), null);
    }

    public ApiException(int code, String reason, String message, String group, String kind, String name,
                        List<FieldError> causes, Integer retryAfterSeconds) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.group = group;
        this.kind = kind;
        this.name = name;
        this.causes = causes == null ? List.of() : List.copyOf(causes);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public List<FieldError> causes() {
        return causes;
    }

    /** {@code resource} is the plural resource name with group, e.g. "pods" or "deployments.apps". */
    public static ApiException notFound(String group, String resource, String name) {
        return new ApiException(404, "NotFound", qualified(group, resource) + " \"" + name + "\" not found",
                group, resource, name, List.of(), null);
    }

    public static ApiException alreadyExists(String group, String resource, String name) {
        return new ApiException(409, "AlreadyExists", qualified(group, resource) + " \"" + name + "\" already exists",
                group, resource, name, List.of(), null);
    }

    public static ApiException conflict(String group, String resource, String name, String why) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + qualified(group, resource)
                + " \"" + name + "\": " + why, group, resource, name, List.of(), null);
    }

    /** Kubernetes' standard words for a stale resourceVersion. */
    public static ApiException staleUpdate(String group, String resource, String name) {
        return conflict(group, resource, name,
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    /** 422 with Kubernetes' message: {@code Pod "x" is invalid: [a, b]}. {@code kind} is e.g. "Pod". */
    public static ApiException invalid(String group, String kind, String name, List<FieldError> errors) {
        String detail;
        if (errors.size() == 1) {
            detail = errors.get(0).text();
        } else {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < errors.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(errors.get(i).text());
            }
            detail = sb.append(']').toString();
        }
        String qualifiedKind = group == null || group.isEmpty() ? kind : kind + "." + group;
        return new ApiException(422, "Invalid", qualifiedKind + " \"" + name + "\" is invalid: " + detail,
                group, kind, name, errors, null);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message);
    }

    public static ApiException methodNotAllowed(String message) {
        return new ApiException(405, "MethodNotAllowed", message);
    }

    public static ApiException unsupportedMediaType(String contentType) {
        return new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf"
                + (contentType == null ? "" : ""));
    }

    public static ApiException notAcceptable(String message) {
        return new ApiException(406, "NotAcceptable", message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "RequestEntityTooLarge", message);
    }

    public static ApiException gone(String message) {
        return new ApiException(410, "Expired", message);
    }

    public static ApiException tooManyRequests(String message, int retryAfterSeconds) {
        return new ApiException(429, "TooManyRequests", message, null, null, null, List.of(), retryAfterSeconds);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "Unauthorized", "Unauthorized");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "Forbidden", message);
    }

    public static ApiException internal(String message) {
        return new ApiException(500, "InternalError", "Internal error occurred: " + message);
    }

    public static ApiException timeout(String message) {
        return new ApiException(504, "Timeout", message);
    }

    public static ApiException serviceUnavailable(String message) {
        return new ApiException(503, "ServiceUnavailable", message);
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static String qualified(String group, String resource) {
        return group == null || group.isEmpty() ? resource : resource + "." + group;
    }

    /** The {@code meta/v1 Status} this error is sent as. */
    public ObjectNode toStatus() {
        ObjectNode status = Json.object();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        if (name != null || kind != null || !causes.isEmpty() || retryAfterSeconds != null) {
            ObjectNode details = status.putObject("details");
            if (name != null) {
                details.put("name", name);
            }
            if (group != null && !group.isEmpty()) {
                details.put("group", group);
            }
            if (kind != null) {
                details.put("kind", kind);
            }
            if (!causes.isEmpty()) {
                ArrayNode arr = details.putArray("causes");
                for (FieldError c : causes) {
                    ObjectNode cause = arr.addObject().put("reason", c.reason()).put("message", c.message());
                    if (c.field() != null) {
                        cause.put("field", c.field());
                    }
                }
            }
            if (retryAfterSeconds != null) {
                details.put("retryAfterSeconds", retryAfterSeconds);
            }
        }
        status.put("code", code);
        return status;
    }
}
