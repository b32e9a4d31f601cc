package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

/** Go string-slice types (meta/v1 Verbs, authentication ExtraValue): {@code {repeated items}} on the wire, an array in JSON. */
final class StringListValue implements ValueType {
    @Override
    public JsonNode toJson(Message message) {
        FieldDescriptor items = message.getDescriptorForType().findFieldByName("items");
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < message.getRepeatedFieldCount(items); i++) {
            array.add((String) message.getRepeatedField(items, i));
        }
        return array;
    }

    @Override
    public Message fromJson(JsonNode json, Descriptor type, String path) {
        if (!json.isArray()) {
            throw ProtoErrors.badValue(path, "expected an array of strings, got " + json.getNodeType());
        }
        FieldDescriptor items = type.findFieldByName("items");
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        for (int i = 0; i < json.size(); i++) {
            builder.addRepeatedField(items, Scalars.text(json.get(i), path + "[" + i + "]"));
        }
        return builder.build();
    }
}
