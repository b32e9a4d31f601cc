package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

/** The two OpenAPI versions Kubernetes serves, where their schemas differ. */
enum Dialect {
    SWAGGER_2("#/definitions/"),
    OPENAPI_3("#/components/schemas/");

    private final String prefix;

    Dialect(String prefix) {
        this.prefix = prefix;
    }

    ObjectNode ref(String definition) {
        return Json.object().put("$ref", prefix + definition);
    }

    /**
     * A reference that carries the property's own description. Swagger 2 tools read a description beside
     * {@code $ref}; OpenAPI 3.0 ignores siblings of {@code $ref}, so Kubernetes wraps the reference in a
     * one-element {@code allOf} there, and kubectl explain reads it that way.
     */
    ObjectNode describedRef(ObjectNode ref, String description) {
        if (this == SWAGGER_2) {
            return ref.deepCopy().put("description", description);
        }
        ObjectNode schema = Json.object();
        schema.putArray("allOf").add(ref);
        return schema.put("description", description);
    }
}
