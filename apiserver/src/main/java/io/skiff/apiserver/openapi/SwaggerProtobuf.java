package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.CodedOutputStream;
import io.skiff.api.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Encodes a Swagger 2.0 JSON document as gnostic's {@code openapi.v2.Document} protobuf, the form kubectl
 * asks {@code /openapi/v2} for (and the only one it parses). Field numbers are those of gnostic's
 * OpenAPIv2.proto; only the parts of Swagger 2.0 that Skiff's documents use are mapped, and anything
 * else fails loudly rather than vanish from the encoding.
 */
final class SwaggerProtobuf {

    private SwaggerProtobuf() {
    }

    static byte[] encode(JsonNode document) {
        Message out = new Message();
        for (Map.Entry<String, JsonNode> e : fields(document)) {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "swagger" -> out.string(1, v.asText());
                case "info" -> out.message(2, info(v));
                case "paths" -> out.message(8, named(2, v, SwaggerProtobuf::pathItem));
                case "definitions" -> out.message(9, named(1, v, SwaggerProtobuf::schema));
                default -> unmapped("Document", e.getKey());
            }
        }
        return out.bytes();
    }

    private static byte[] info(JsonNode info) {
        Message out = new Message();
        out.string(1, info.path("title").asText());
        out.string(2, info.path("version").asText());
        return out.bytes();
    }

    private static byte[] pathItem(JsonNode item) {
        Message out = new Message();
        for (Map.Entry<String, JsonNode> e : fields(item)) {
            switch (e.getKey()) {
                case "get" -> out.message(2, operation(e.getValue()));
                case "put" -> out.message(3, operation(e.getValue()));
                case "post" -> out.message(4, operation(e.getValue()));
                case "delete" -> out.message(5, operation(e.getValue()));
                case "options" -> out.message(6, operation(e.getValue()));
                case "head" -> out.message(7, operation(e.getValue()));
                case "patch" -> out.message(8, operation(e.getValue()));
                case "parameters" -> e.getValue().forEach(p -> out.message(9, parametersItem(p)));
                default -> unmapped("PathItem", e.getKey());
            }
        }
        return out.bytes();
    }

    private static byte[] operation(JsonNode op) {
        Message out = new Message();
        for (Map.Entry<String, JsonNode> e : fields(op)) {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "tags" -> v.forEach(t -> out.string(1, t.asText()));
                case "description" -> out.string(3, v.asText());
                case "operationId" -> out.string(5, v.asText());
                case "produces" -> v.forEach(t -> out.string(6, t.asText()));
                case "consumes" -> v.forEach(t -> out.string(7, t.asText()));
                case "parameters" -> v.forEach(p -> out.message(8, parametersItem(p)));
                case "responses" -> out.message(9, named(1, v, SwaggerProtobuf::responseValue));
                case "schemes" -> v.forEach(t -> out.string(10, t.asText()));
                default -> vendorExtension(out, 13, "Operation", e);
            }
        }
        return out.bytes();
    }

    // ParametersItem{parameter=1} → Parameter{body_parameter=1 | non_body_parameter=2}
    private static byte[] parametersItem(JsonNode p) {
        Message parameter = new Message();
        if ("body".equals(p.path("in").asText())) {
            Message body = new Message();
            body.string(1, p.path("description").asText(""));
            body.string(2, p.path("name").asText());
            body.string(3, "body");
            body.bool(4, p.path("required").asBoolean());
            body.message(5, schema(p.path("schema")));
            parameter.message(1, body.bytes());
        } else {
            parameter.message(2, nonBodyParameter(p));
        }
        Message item = new Message();
        item.message(1, parameter.bytes());
        return item.bytes();
    }

    // NonBodyParameter{query_parameter_sub_schema=3 | path_parameter_sub_schema=4}; their first fields agree.
    private static byte[] nonBodyParameter(JsonNode p) {
        String in = p.path("in").asText();
        boolean query = in.equals("query");
        if (!query && !in.equals("path")) {
            unmapped("parameter location", in);
        }
        Message sub = new Message();
        sub.bool(1, p.path("required").asBoolean());
        sub.string(2, in);
        sub.string(3, p.path("description").asText(""));
        sub.string(4, p.path("name").asText());
        sub.string(query ? 6 : 5, p.path("type").asText());
        sub.bool(query ? 20 : 19, p.path("uniqueItems").asBoolean());
        Message out = new Message();
        out.message(query ? 3 : 4, sub.bytes());
        return out.bytes();
    }

    // ResponseValue{response=1} → Response{description=1, schema=2 SchemaItem{schema=1}}
    private static byte[] responseValue(JsonNode r) {
        Message response = new Message();
        response.string(1, r.path("description").asText());
        if (r.has("schema")) {
            Message schemaItem = new Message();
            schemaItem.message(1, schema(r.get("schema")));
            response.message(2, schemaItem.bytes());
        }
        Message out = new Message();
        out.message(1, response.bytes());
        return out.bytes();
    }

    private static byte[] schema(JsonNode schema) {
        Message out = new Message();
        for (Map.Entry<String, JsonNode> e : fields(schema)) {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "$ref" -> out.string(1, v.asText());
                case "format" -> out.string(2, v.asText());
                case "description" -> out.string(4, v.asText());
                case "required" -> v.forEach(r -> out.string(19, r.asText()));
                case "enum" -> v.forEach(value -> out.message(20, any(value)));
                case "additionalProperties" -> out.message(21, wrap(1, schema(v)));
                case "type" -> out.message(22, stringList(v.asText()));
                case "items" -> out.message(23, wrap(1, schema(v)));
                case "allOf" -> v.forEach(s -> out.message(24, schema(s)));
                case "properties" -> out.message(25, named(1, v, SwaggerProtobuf::schema));
                default -> vendorExtension(out, 31, "Schema", e);
            }
        }
        return out.bytes();
    }

    private static void vendorExtension(Message out, int field, String where, Map.Entry<String, JsonNode> e) {
        if (!e.getKey().startsWith("x-")) {
            unmapped(where, e.getKey());
        }
        Message named = new Message();
        named.string(1, e.getKey());
        named.message(2, any(e.getValue()));
        out.message(field, named.bytes());
    }

    /** gnostic's Any keeps a value as YAML text; JSON is YAML, and kube-openapi parses it as such. */
    private static byte[] any(JsonNode value) {
        Message out = new Message();
        out.string(2, Json.string(value));
        return out.bytes();
    }

    /** A map as gnostic's repeated Named* message: {name=1, value=2} in {@code field} of the container. */
    private static byte[] named(int field, JsonNode map, Encoder values) {
        Message out = new Message();
        for (Map.Entry<String, JsonNode> e : fields(map)) {
            Message entry = new Message();
            entry.string(1, e.getKey());
            entry.message(2, values.encode(e.getValue()));
            out.message(field, entry.bytes());
        }
        return out.bytes();
    }

    private static byte[] wrap(int field, byte[] message) {
        Message out = new Message();
        out.message(field, message);
        return out.bytes();
    }

    private static byte[] stringList(String value) {
        Message out = new Message();
        out.string(1, value);
        return out.bytes();
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        return () -> it;
    }

    private static void unmapped(String where, String key) {
        throw new IllegalArgumentException("no protobuf mapping for " + where + " field " + key);
    }

    private interface Encoder {
        byte[] encode(JsonNode node);
    }

    /** One protobuf message being written; empty strings and false are proto3 defaults and left out. */
    private static final class Message {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

        void string(int field, String value) {
            if (!value.isEmpty()) {
                write(() -> out.writeString(field, value));
            }
        }

        void bool(int field, boolean value) {
            if (value) {
                write(() -> out.writeBool(field, true));
            }
        }

        void message(int field, byte[] message) {
            write(() -> out.writeByteArray(field, message));
        }

        byte[] bytes() {
            write(out::flush);
            return buffer.toByteArray();
        }

        private void write(Write write) {
            try {
                write.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private interface Write {
            void run() throws IOException;
        }
    }
}
