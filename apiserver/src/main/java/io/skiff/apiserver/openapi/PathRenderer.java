package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

import java.util.Collection;
import java.util.List;

/** Renders operations as the path items of one OpenAPI dialect; the dialects differ in operations and parameters. */
abstract class PathRenderer {

    ObjectNode render(Collection<ApiPath> paths) {
        ObjectNode out = Json.object();
        for (ApiPath path : paths) {
            ObjectNode item = out.putObject(path.path());
            for (ApiOperation operation : path.operations()) {
                item.set(operation.method(), operation(operation));
            }
            item.set("parameters", parameters(path.parameters()));
        }
        return out;
    }

    abstract ObjectNode operation(ApiOperation operation);

    /** The dialect's way of saying what type a parameter's value has. */
    abstract void typeOf(Parameter parameter, ObjectNode node);

    ArrayNode parameters(List<Parameter> parameters) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Parameter p : parameters) {
            ObjectNode node = out.addObject().put("name", p.name()).put("in", p.in()).put("description", p.description());
            if (p.required()) {
                node.put("required", true);
            }
            typeOf(p, node);
        }
        return out;
    }

    /** Both dialects end an operation alike: the Unauthorized answer and Kubernetes' extensions. */
    static void finish(ObjectNode node, ObjectNode responses, ApiOperation op) {
        responses.putObject("401").put("description", HttpReasons.of(401));
        node.put("x-kubernetes-action", op.action());
        node.set("x-kubernetes-group-version-kind", op.kind().toJson());
    }
}
