package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

/** intstr.IntOrString: {@code {type, intVal, strVal}} on the wire (type 0 = int, 1 = string), a bare value in JSON. */
final class IntOrStringValue implements ValueType {
    private static final long INT = 0;
    private static final long STRING = 1;

    @Override
    public JsonNode toJson(Message message) {
        long type = (Long) ValueType.get(message, "type");
        if (type == INT) {
            return IntNode.valueOf((Integer) ValueType.get(message, "intVal"));
        }
        if (type == STRING) {
            return TextNode.valueOf((String) ValueType.get(message, "strVal"));
        }
        throw ProtoErrors.badBody("IntOrString has type " + type + "; only 0 (int) and 1 (string) exist");
    }

    @Override
    public Message fromJson(JsonNode json, Descriptor type, String path) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        // Go writes all three fields; so do we, for decoders that expect them.
        if (json.isTextual()) {
            ValueType.set(builder, "type", STRING);
            ValueType.set(builder, "intVal", 0);
            ValueType.set(builder, "strVal", json.textValue());
        } else if (json.isNumber()) {
            ValueType.set(builder, "type", INT);
            ValueType.set(builder, "intVal", (int) Scalars.integer(json, path, Integer.MIN_VALUE, Integer.MAX_VALUE));
            ValueType.set(builder, "strVal", "");
        } else {
            throw ProtoErrors.badValue(path, "expected an integer or a string, got " + json.getNodeType());
        }
        return builder.build();
    }
}
