package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Runtime;
import io.skiff.api.Json;

import java.util.Map;
import java.util.TreeMap;

/** Walks a decoded message by its descriptor and writes the Kubernetes JSON for it (see package docs for the rules). */
final class ProtoToJson {
    /** Objects may embed objects (RawExtension holding protobuf); each level re-enters here, so bound it. */
    static final int MAX_NESTED_OBJECTS = 8;

    private final KindRegistry kinds;

    ProtoToJson(KindRegistry kinds) {
        this.kinds = kinds;
    }

    ObjectNode object(Envelope envelope, int depth) {
        if (depth > MAX_NESTED_OBJECTS) {
            throw ProtoErrors.badBody("objects are nested more than " + MAX_NESTED_OBJECTS + " levels deep");
        }
        Descriptor type = kinds.find(envelope.apiVersion(), envelope.kind());
        if (type == null) {
            throw kinds.knowsVersion(envelope.apiVersion())
                    ? ProtoErrors.unknownKind(envelope.apiVersion(), envelope.kind())
                    : ProtoErrors.unsupportedVersion(envelope.apiVersion());
        }
        ObjectNode out = Json.object().put("apiVersion", envelope.apiVersion()).put("kind", envelope.kind());
        if (envelope.json()) {
            JsonNode body = EmbeddedTypes.parseJson(envelope.raw(), envelope.kind());
            if (!body.isObject()) {
                throw ProtoErrors.badBody(envelope.kind() + " is JSON but not an object");
            }
            body.properties().forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
            return out;
        }
        DynamicMessage message;
        try {
            message = DynamicMessage.parseFrom(type, envelope.raw());
        } catch (InvalidProtocolBufferException e) {
            throw ProtoErrors.badBody(envelope.kind() + " cannot be parsed: " + e.getMessage());
        }
        out.setAll(fields(message, depth));
        return out;
    }

    /** The JSON object of a message's set fields; Go-zero scalars of plain fields are left out. */
    private ObjectNode fields(Message message, int depth) {
        ObjectNode out = Json.object();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.isRepeated()) {
                if (message.getRepeatedFieldCount(field) > 0) {
                    out.set(field.getName(), field.isMapField() ? map(message, field, depth) : list(message, field, depth));
                }
            } else if (message.hasField(field)) {
                Object value = message.getField(field);
                if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                    if (!Scalars.isZero(value) || GoShape.keepsZero(field)) {
                        out.set(field.getName(), Scalars.toJson(field, value));
                    }
                } else if (GoShape.isInline(field)) {
                    out.setAll(fields((Message) value, depth));
                } else {
                    JsonNode json = value((Message) value, depth);
                    if (json != null) {
                        out.set(field.getName(), json);
                    }
                }
            }
        }
        return out;
    }

    /** A message's JSON, or null when Go would consider it unset. */
    private JsonNode value(Message message, int depth) {
        String type = message.getDescriptorForType().getFullName();
        ValueType valueType = ValueTypes.of(type);
        if (valueType != null) {
            return valueType.toJson(message);
        }
        return switch (type) {
            case EmbeddedTypes.RAW_EXTENSION -> embedded((ByteString) ValueType.get(message, "raw"), "RawExtension", depth);
            case EmbeddedTypes.FIELDS_V1 -> embedded((ByteString) ValueType.get(message, "Raw"), "FieldsV1", depth);
            case EmbeddedTypes.UNKNOWN -> nestedUnknown(message, depth);
            default -> fields(message, depth);
        };
    }

    /** Embedded bytes are JSON, or (in RawExtensions written by a protobuf encoder) a whole protobuf object. */
    private JsonNode embedded(ByteString raw, String what, int depth) {
        if (raw.isEmpty()) {
            return null;
        }
        if (raw.startsWith(ByteString.copyFrom(Envelope.MAGIC))) {
            return object(Envelope.read(raw.toByteArray()), depth + 1);
        }
        JsonNode json = EmbeddedTypes.parseJson(raw, what);
        return json.isNull() ? null : json;
    }

    private JsonNode nestedUnknown(Message message, int depth) {
        try {
            return object(Envelope.of(Runtime.Unknown.parseFrom(message.toByteString())), depth + 1);
        } catch (InvalidProtocolBufferException e) {
            throw ProtoErrors.badBody("nested runtime.Unknown cannot be parsed: " + e.getMessage());
        }
    }

    private ArrayNode list(Message message, FieldDescriptor field, int depth) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            array.add(element(field, message.getRepeatedField(field, i), depth));
        }
        return array;
    }

    /** Go marshals maps with sorted keys; the same order keeps output stable. */
    private ObjectNode map(Message message, FieldDescriptor field, int depth) {
        FieldDescriptor keyField = field.getMessageType().findFieldByName("key");
        FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            Message entry = (Message) message.getRepeatedField(field, i);
            sorted.put(String.valueOf(entry.getField(keyField)), element(valueField, entry.getField(valueField), depth));
        }
        ObjectNode out = Json.object();
        sorted.forEach(out::set);
        return out;
    }

    /** List items and map values keep zeros: an empty label value or a 0 in a list is data. */
    private JsonNode element(FieldDescriptor field, Object value, int depth) {
        if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
            return Scalars.toJson(field, value);
        }
        JsonNode json = value((Message) value, depth);
        return json == null ? NullNode.getInstance() : json;
    }
}
