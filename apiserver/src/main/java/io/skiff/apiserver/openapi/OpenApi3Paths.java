package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.apiserver.openapi.ApiOperation.ApiResponse;

import java.util.List;

/** OpenAPI 3.0 path items: parameters carry a schema, bodies are a {@code requestBody}, responses list content types. */
final class OpenApi3Paths extends PathRenderer {

    @Override
    ObjectNode operation(ApiOperation op) {
        ObjectNode node = Json.object().put("description", op.description()).put("operationId", op.id());
        node.putArray("tags").add(op.tag());
        if (!op.parameters().isEmpty()) {
            node.set("parameters", parameters(op.parameters()));
        }
        if (op.body() != null) {
            ObjectNode body = node.putObject("requestBody");
            body.set("content", content(op.consumes(), schema(op.body())));
            body.put("required", true);
        }
        ObjectNode responses = node.putObject("responses");
        for (ApiResponse response : op.responses()) {
            responses.putObject(Integer.toString(response.code())).put("description", HttpReasons.of(response.code()))
                    .set("content", content(op.produces(), schema(response.schema())));
        }
        finish(node, responses, op);
        return node;
    }

    @Override
    void typeOf(Parameter parameter, ObjectNode node) {
        node.putObject("schema").put("type", parameter.type()).put("uniqueItems", true);
    }

    private static ObjectNode content(List<String> mediaTypes, ObjectNode schema) {
        ObjectNode content = Json.object();
        for (String mediaType : mediaTypes) {
            content.putObject(mediaType).set("schema", schema.deepCopy());
        }
        return content;
    }

    private static ObjectNode schema(ModelRef ref) {
        return ref == null ? Json.object().put("type", "string") : Dialect.OPENAPI_3.ref(SchemaGenerator.nameOf(ref));
    }
}
