package io.skiff.apiserver.openapi;

/**
 * A query or path parameter of an operation.
 *
 * @param in   "query" or "path"
 * @param type the JSON type of its value: "string", "integer" or "boolean"
 */
record Parameter(String name, String in, String type, String description, boolean required) {

    static Parameter query(String name, String type, String description) {
        return new Parameter(name, "query", type, description, false);
    }

    static Parameter path(String name, String description) {
        return new Parameter(name, "path", "string", description, true);
    }
}
