package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

/** resource.Quantity: {@code {string}} on the wire, the same string in JSON. */
final class QuantityValue implements ValueType {
    @Override
    public JsonNode toJson(Message message) {
        String text = (String) ValueType.get(message, "string");
        return TextNode.valueOf(text.isEmpty() ? "0" : text); // Go's zero Quantity prints as "0"
    }

    @Override
    public Message fromJson(JsonNode json, Descriptor type, String path) {
        String text;
        if (json.isTextual()) {
            text = json.textValue();
        } else if (json.isNumber()) {
            text = json.asText(); // Kubernetes accepts a bare number, e.g. "cpu": 2
        } else {
            throw ProtoErrors.badValue(path, "expected a quantity string, got " + json.getNodeType());
        }
        return ValueType.set(DynamicMessage.newBuilder(type), "string", text).build();
    }
}
