package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.apiserver.openapi.ApiOperation.ApiResponse;

/** Swagger 2.0 path items: typed parameters, the body as an {@code in: body} parameter, consumes/produces lists. */
final class Swagger2Paths extends PathRenderer {

    @Override
    ObjectNode operation(ApiOperation op) {
        ObjectNode node = Json.object().put("description", op.description());
        if (op.body() != null) {
            op.consumes().forEach(node.putArray("consumes")::add);
        }
        op.produces().forEach(node.putArray("produces")::add);
        node.putArray("schemes").add("https");
        node.putArray("tags").add(op.tag());
        node.put("operationId", op.id());
        ArrayNode parameters = parameters(op.parameters());
        if (op.body() != null) {
            parameters.addObject().put("name", "body").put("in", "body").put("required", true)
                    .set("schema", schema(op.body()));
        }
        if (!parameters.isEmpty()) {
            node.set("parameters", parameters);
        }
        ObjectNode responses = node.putObject("responses");
        for (ApiResponse response : op.responses()) {
            responses.putObject(Integer.toString(response.code())).put("description", HttpReasons.of(response.code()))
                    .set("schema", schema(response.schema()));
        }
        finish(node, responses, op);
        return node;
    }

    @Override
    void typeOf(Parameter parameter, ObjectNode node) {
        node.put("type", parameter.type()).put("uniqueItems", true);
    }

    private static ObjectNode schema(ModelRef ref) {
        return ref == null ? Json.object().put("type", "string") : Dialect.SWAGGER_2.ref(SchemaGenerator.nameOf(ref));
    }
}
