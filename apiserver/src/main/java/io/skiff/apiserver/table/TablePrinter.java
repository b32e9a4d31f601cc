package io.skiff.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

import java.util.List;

/**
 * A resource's printed columns and how to fill them from an object: what the server sends
 * when kubectl asks for {@code as=Table}.
 */
public interface TablePrinter {

    List<Column> columns();

    /** One cell per column, in order: strings, numbers or booleans. */
    List<Object> cells(ObjectNode object);

    /** The default for resources without their own columns: NAME and AGE. */
    TablePrinter DEFAULT = new TablePrinter() {
        @Override
        public List<Column> columns() {
            return List.of(Column.NAME, Column.AGE);
        }

        @Override
        public List<Object> cells(ObjectNode o) {
            return List.of(name(o), age(o));
        }
    };

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String age(JsonNode o) {
        return HumanDuration.since(o.path("metadata").path("creationTimestamp").asText(null));
    }

    /**
     * Builds a {@code meta.k8s.io/v1 Table}.
     *
     * @param includeObject None, Metadata (the default: a PartialObjectMetadata) or Object
     */
    static ObjectNode table(TablePrinter printer, List<ObjectNode> objects, String apiVersion, String includeObject,
                            boolean withColumns) {
        ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", apiVersion);
        table.putObject("metadata");
        if (withColumns) {
            ArrayNode cols = table.putArray("columnDefinitions");
            for (Column c : printer.columns()) {
                cols.add(c.toJson());
            }
        } else {
            table.putArray("columnDefinitions");
        }
        ArrayNode rows = table.putArray("rows");
        for (ObjectNode o : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            for (Object cell : printer.cells(o)) {
                cells.addPOJO(cell);
            }
            switch (includeObject == null ? "Metadata" : includeObject) {
                case "None" -> { }
                case "Object" -> row.set("object", o);
                default -> row.set("object", partialMetadata(o, apiVersion.replace("meta.k8s.io/", "meta.k8s.io/")));
            }
        }
        return table;
    }

    static ObjectNode partialMetadata(JsonNode o, String tableApiVersion) {
        String version = tableApiVersion.endsWith("v1beta1") ? "meta.k8s.io/v1beta1" : "meta.k8s.io/v1";
        ObjectNode p = Json.object().put("kind", "PartialObjectMetadata").put("apiVersion", version);
        p.set("metadata", o.path("metadata").deepCopy());
        return p;
    }
}
