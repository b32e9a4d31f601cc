package io.skiff.api.proto;

import io.skiff.api.errors.ApiException;

/** The API errors protobuf handling can raise, worded once. */
final class ProtoErrors {
    private ProtoErrors() {
    }

    /** The client sent something that is not a well-formed Kubernetes protobuf object. */
    static ApiException badBody(String message) {
        return ApiException.badRequest("invalid protobuf body: " + message);
    }

    /** Kubernetes' own wording when a known group version lacks the kind. */
    static ApiException unknownKind(String apiVersion, String kind) {
        return ApiException.badRequest("no kind \"" + kind + "\" is registered for version \"" + apiVersion + "\"");
    }

    /** Like Kubernetes for custom resources: there is no protobuf schema for this group version at all. */
    static ApiException unsupportedVersion(String apiVersion) {
        return unsupportedMedia("the body of the request was in an unknown format - there is no protobuf encoding for \""
                + apiVersion + "\"; send application/json");
    }

    /** 415: the bytes may be fine, but they are in a form Skiff (like Kubernetes) does not read. */
    static ApiException unsupportedMedia(String message) {
        return new ApiException(415, "UnsupportedMediaType", message);
    }

    /** Raised when a reply cannot be protobuf; the caller may answer in JSON instead. */
    static ApiException notEncodable(String apiVersion, String kind) {
        return ApiException.notAcceptable("only the following media types are accepted for " + kind + "."
                + apiVersion + ": application/json, application/yaml");
    }

    /** A server-side object whose value does not fit its protobuf field: a bug, not the client's fault. */
    static ApiException badValue(String path, String problem) {
        return ApiException.internal("cannot encode " + (path.isEmpty() ? "object" : path) + " as protobuf: " + problem);
    }
}
