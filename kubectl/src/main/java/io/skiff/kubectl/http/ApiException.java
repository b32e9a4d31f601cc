package io.skiff.kubectl.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Codec;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A failed API call, carrying the server's {@code Status} (reason, code, message). */
public class ApiException extends RuntimeException {
    private static final Map<Integer, String> REASONS = Map.of(
            400, "BadRequest", 401, "Unauthorized", 403, "Forbidden", 404, "NotFound", 405, "MethodNotAllowed",
            409, "Conflict", 410, "Gone", 415, "UnsupportedMediaType", 422, "Invalid", 500, "InternalError");
    private final int code;
    private final String reason;
    private final JsonNode status;

    public ApiException(int code, String reason, String message, JsonNode status) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.status = status;
    }

    /** From a reply body: a {@code Status} when it is one, else kubectl's generic text for the code. */
    static ApiException of(int code, byte[] body, String method, String path) {
        String verb = method.toLowerCase(java.util.Locale.ROOT);
        String what = path == null ? null : describe(path);
        JsonNode s = null;
        try {
            s = Codec.parse(body);
        } catch (RuntimeException notJson) {
            // plain-text error bodies fall through to the generic message
        }
        if (s != null && "Status".equals(s.path("kind").asText())) {
            return new ApiException(s.path("code").asInt(code), s.path("reason").asText(""), s.path("message").asText(""), s);
        }
        String reason = REASONS.getOrDefault(code, "");
        String text = new String(body, StandardCharsets.UTF_8).trim();
        String message = switch (code) {
            case 404 -> "the server could not find the requested resource";
            case 409 -> "the server reported a conflict";
            case 401 -> "the server has asked for the client to provide credentials";
            case 403 -> "the server does not allow access to the requested resource";
            default -> code >= 500 ? "an error on the server (\"" + text.replace("\"", "\\\"") + "\") has prevented the request from succeeding"
                    : text.isEmpty() ? "the server rejected our request for an unknown reason" : text;
        };
        return new ApiException(code, reason, message + (what == null ? "" : " (" + verb + " " + what + ")"), null);
    }

    /** "pods nope" or "deployments.apps web" from a request path, as kubectl names a failed request. */
    static String describe(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String[] seg = p.replaceAll("^/+", "").split("/");
        int i;
        String group;
        if (seg.length >= 2 && seg[0].equals("api")) {
            group = "";
            i = 2;
        } else if (seg.length >= 3 && seg[0].equals("apis")) {
            group = seg[1];
            i = 3;
        } else {
            return null;
        }
        if (seg.length >= i + 3 && seg[i].equals("namespaces")) {
            i += 2;
        }
        if (seg.length <= i) {
            return null;
        }
        String resource = seg[i] + (group.isEmpty() || seg.length > i + 2 ? "" : "." + group);
        return seg.length > i + 1 ? resource + " " + seg[i + 1] : resource;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public JsonNode status() {
        return status;
    }

    public boolean isNotFound() {
        return code == 404;
    }

    /** What kubectl prints: {@code Error from server (NotFound): pods "x" not found}. */
    public String display() {
        return "Error from server" + (reason.isEmpty() ? "" : " (" + reason + ")") + ": " + getMessage();
    }
}
