package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** Small helpers over Jackson trees that the patch algorithms share. */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * A string that is equal for equal scalars, numbers compared by value: a merge key of
     * {@code 80} matches one of {@code 80.0}, whichever way a client spelled the port.
     */
    static String identity(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        if (value.isNumber()) {
            return "n:" + value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.getNodeType().name() + ":" + value;
    }

    /** A shallow copy of {@code object} without {@code field}; children are shared, so read only. */
    static ObjectNode without(ObjectNode object, String field) {
        ObjectNode copy = object.objectNode();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (!e.getKey().equals(field)) {
                copy.set(e.getKey(), e.getValue());
            }
        }
        return copy;
    }

    /** Go's name for the JSON kind, as {@code encoding/json} words unmarshalling errors. */
    static String goKind(JsonNode value) {
        switch (value.getNodeType()) {
            case ARRAY:
                return "array";
            case OBJECT:
                return "object";
            case STRING:
                return "string";
            case NUMBER:
                return "number";
            case BOOLEAN:
                return "bool";
            default:
                return "null";
        }
    }

    static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }
}
