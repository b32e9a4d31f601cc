package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

/** A Kubernetes type whose JSON form is not an object of its protobuf fields (Time, Quantity, IntOrString…). */
interface ValueType {
    /** The JSON value, or null when Go treats the message as unset (a zero Time). Bad content → 400. */
    JsonNode toJson(Message message);

    /** The message for a JSON value of this type. A value that does not fit → 500 (see {@link ProtoErrors#badValue}). */
    Message fromJson(JsonNode json, Descriptor type, String path);

    /** The field's value, or its default when absent: Go reads a missing field as zero. */
    static Object get(Message message, String field) {
        return message.getField(fieldOf(message.getDescriptorForType(), field));
    }

    static boolean has(Message message, String field) {
        return message.hasField(fieldOf(message.getDescriptorForType(), field));
    }

    static DynamicMessage.Builder set(DynamicMessage.Builder builder, String field, Object value) {
        return builder.setField(fieldOf(builder.getDescriptorForType(), field), value);
    }

    private static FieldDescriptor fieldOf(Descriptor type, String field) {
        FieldDescriptor descriptor = type.findFieldByName(field);
        if (descriptor == null) {
            throw new IllegalStateException(type.getFullName() + " has no field " + field);
        }
        return descriptor;
    }
}
