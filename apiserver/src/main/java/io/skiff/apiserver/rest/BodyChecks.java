package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.resource.Registry;

/**
 * Checks that a body is the kind its path names (filling in apiVersion/kind when absent, as
 * Kubernetes' decoder does), converts objects of an older group-version to the served one,
 * and checks the name and namespace against the URL.
 */
final class BodyChecks {
    private BodyChecks() {
    }

    static void check(ApiRequest r, ObjectNode obj) {
        String apiVersion = obj.path("apiVersion").asText("");
        String kind = obj.path("kind").asText("");
        String expectedVersion = r.requestApiVersion();
        if (!apiVersion.isEmpty() && !apiVersion.equals(expectedVersion) && !apiVersion.equals(r.type.apiVersion())) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + expectedVersion + ")");
        }
        if (!kind.isEmpty() && !kind.equals(r.type.kind())) {
            throw ApiException.badRequest("the kind in the data (" + kind + ") does not match the expected kind ("
                    + r.type.kind() + ")");
        }
        r.legacy.ifPresent(l -> convertLegacy(l, obj));
        obj.put("apiVersion", r.type.apiVersion());
        obj.put("kind", r.type.kind());
        JsonNode metaNode = obj.get("metadata");
        if (metaNode != null && !metaNode.isObject() && !metaNode.isNull()) {
            throw ApiException.badRequest(r.type.kind() + " in version \"" + r.type.version() + "\" cannot be handled as a "
                    + r.type.kind() + ": metadata must be an object");
        }
        ObjectNode meta = obj.with("metadata");
        if (r.type.namespaced()) {
            String ns = meta.path("namespace").asText("");
            if (ns.isEmpty()) {
                meta.put("namespace", r.namespace());
            } else if (r.namespace() != null && !ns.equals(r.namespace())) {
                throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
        } else {
            meta.remove("namespace");
        }
        if (r.name() != null) {
            String name = meta.path("name").asText("");
            if (name.isEmpty()) {
                meta.put("name", r.name());
            } else if (!name.equals(r.name())) {
                throw ApiException.badRequest("the name of the object (" + name + ") does not match the name on the URL (" + r.name() + ")");
            }
        }
    }

    /**
     * extensions/v1beta1 and apps/v1beta1|2 Deployments/ReplicaSets had no required selector:
     * it defaulted to the template's labels. That is the only difference apps/v1 cannot take.
     */
    static void convertLegacy(Registry.LegacyVersion legacy, ObjectNode obj) {
        JsonNode spec = obj.get("spec");
        if (spec instanceof ObjectNode s && !s.hasNonNull("selector")) {
            JsonNode labels = s.path("template").path("metadata").path("labels");
            if (labels.isObject() && !labels.isEmpty()) {
                s.putObject("selector").set("matchLabels", labels.deepCopy());
            }
        }
        obj.put("apiVersion", legacy.servedAs().apiVersion());
    }
}
