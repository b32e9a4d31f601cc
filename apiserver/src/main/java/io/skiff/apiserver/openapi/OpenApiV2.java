package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;

import java.util.List;

/**
 * The Swagger 2.0 document of every served type, as JSON and as the protobuf kubectl asks for.
 * kubectl uses it for client-side schema validation ({@code --validate=strict}, its default) and, when
 * the v3 documents cannot give it patch metadata, to compute apply patches.
 */
public final class OpenApiV2 {
    private final List<ResourceType> types;
    private ServedDocument json;
    private ServedDocument protobuf;

    public OpenApiV2(List<ResourceType> types) {
        this.types = List.copyOf(types);
    }

    /** The Swagger 2.0 document: {@code swagger}, {@code info}, {@code paths}, {@code definitions}. */
    public ObjectNode document() {
        return (ObjectNode) Json.parse(json().body());
    }

    synchronized ServedDocument json() {
        if (json == null) {
            json = new ServedDocument(Json.bytes(build()));
        }
        return json;
    }

    /** The document as gnostic's {@code openapi.v2.Document} protobuf. */
    synchronized ServedDocument protobuf() {
        if (protobuf == null) {
            protobuf = new ServedDocument(SwaggerProtobuf.encode(Json.parse(json().body())));
        }
        return protobuf;
    }

    private ObjectNode build() {
        List<ApiPath> paths = ResourceOperations.of(types);
        ObjectNode doc = Json.object().put("swagger", "2.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "unversioned");
        doc.set("paths", new Swagger2Paths().render(paths));
        ObjectNode definitions = doc.putObject("definitions");
        new SchemaGenerator(Dialect.SWAGGER_2).definitions(ModelRefs.referencedBy(paths)).forEach(definitions::set);
        return doc;
    }
}
