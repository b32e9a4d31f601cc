package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.skiff.api.Json;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the protobuf message for a Kubernetes JSON object, walking the descriptor the way {@link ProtoToJson} does. */
final class JsonToProto {
    private final KindRegistry kinds;
    /** JSON key → protobuf field per message type; inline (embedded Go struct) fields contribute their keys. */
    private final Map<Descriptor, Map<String, Slot>> layouts = new ConcurrentHashMap<>();

    /** Where a JSON key goes: straight into {@code field}, or into the inline message field {@code via}. */
    private record Slot(FieldDescriptor field, FieldDescriptor via) {
    }

    JsonToProto(KindRegistry kinds) {
        this.kinds = kinds;
    }

    /** The framed protobuf for an object carrying apiVersion and kind. */
    byte[] object(JsonNode json, String path) {
        if (json == null || !json.isObject()) {
            throw ProtoErrors.badValue(path, "expected a Kubernetes object, got " + (json == null ? "nothing" : json.getNodeType()));
        }
        String apiVersion = json.path("apiVersion").asText("");
        String kind = json.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw ProtoErrors.badValue(path, "apiVersion and kind are required");
        }
        Descriptor type = kinds.find(apiVersion, kind);
        if (type == null) {
            throw ProtoErrors.notEncodable(apiVersion, kind);
        }
        return Envelope.write(apiVersion, kind, message(type, json, path).toByteString());
    }

    private Message message(Descriptor type, JsonNode json, String path) {
        ValueType valueType = ValueTypes.of(type.getFullName());
        if (valueType != null) {
            return valueType.fromJson(json, type, path);
        }
        return switch (type.getFullName()) {
            case EmbeddedTypes.RAW_EXTENSION -> single(type, "raw", embedded(json, path));
            case EmbeddedTypes.FIELDS_V1 -> single(type, "Raw", ByteString.copyFrom(Json.bytes(json)));
            case EmbeddedTypes.UNKNOWN -> nestedUnknown(type, json, path);
            default -> fields(type, json, path);
        };
    }

    private Message fields(Descriptor type, JsonNode json, String path) {
        if (!json.isObject()) {
            throw ProtoErrors.badValue(path, "expected an object, got " + json.getNodeType());
        }
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        Map<String, Slot> layout = layout(type);
        Map<FieldDescriptor, ObjectNode> inlineParts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            Slot slot = layout.get(entry.getKey());
            // null means unset in Kubernetes JSON; keys without a field are newer than our schema.
            if (slot == null || entry.getValue().isNull()) {
                continue;
            }
            if (slot.via() != null) {
                inlineParts.computeIfAbsent(slot.via(), f -> Json.object()).set(entry.getKey(), entry.getValue());
            } else {
                set(builder, slot.field(), entry.getValue(), join(path, entry.getKey()));
            }
        }
        inlineParts.forEach((field, part) -> builder.setField(field, message(field.getMessageType(), part, path)));
        return builder.build();
    }

    private void set(DynamicMessage.Builder builder, FieldDescriptor field, JsonNode json, String path) {
        if (field.isMapField()) {
            if (!json.isObject()) {
                throw ProtoErrors.badValue(path, "expected an object, got " + json.getNodeType());
            }
            Descriptor entryType = field.getMessageType();
            FieldDescriptor valueField = entryType.findFieldByName("value");
            for (Map.Entry<String, JsonNode> entry : json.properties()) {
                DynamicMessage.Builder mapEntry = DynamicMessage.newBuilder(entryType)
                        .setField(entryType.findFieldByName("key"), entry.getKey());
                if (!entry.getValue().isNull()) {
                    mapEntry.setField(valueField, element(valueField, entry.getValue(), join(path, entry.getKey())));
                }
                builder.addRepeatedField(field, mapEntry.build());
            }
        } else if (field.isRepeated()) {
            if (!json.isArray()) {
                throw ProtoErrors.badValue(path, "expected an array, got " + json.getNodeType());
            }
            for (int i = 0; i < json.size(); i++) {
                builder.addRepeatedField(field, element(field, json.get(i), path + "[" + i + "]"));
            }
        } else {
            builder.setField(field, element(field, json, path));
        }
    }

    /** One value of a field; a JSON null inside a list or map becomes Go's zero value, as Go decodes it. */
    private Object element(FieldDescriptor field, JsonNode json, String path) {
        boolean isMessage = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
        if (json.isNull()) {
            return isMessage ? DynamicMessage.getDefaultInstance(field.getMessageType()) : field.getDefaultValue();
        }
        return isMessage ? message(field.getMessageType(), json, path) : Scalars.fromJson(field, json, path);
    }

    /** A RawExtension holding a kind we know is written as protobuf, as Kubernetes' encoder does; anything else as JSON. */
    private ByteString embedded(JsonNode json, String path) {
        String apiVersion = json.path("apiVersion").asText("");
        String kind = json.path("kind").asText("");
        if (json.isObject() && kinds.find(apiVersion, kind) != null) {
            return ByteString.copyFrom(object(json, path));
        }
        return ByteString.copyFrom(Json.bytes(json));
    }

    private Message nestedUnknown(Descriptor type, JsonNode json, String path) {
        byte[] framed = object(json, path);
        try {
            // The nested Unknown is the envelope without its magic prefix.
            return DynamicMessage.parseFrom(type, ByteString.copyFrom(framed, Envelope.MAGIC.length,
                    framed.length - Envelope.MAGIC.length));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("re-reading an envelope we just wrote failed", e);
        }
    }

    private static Message single(Descriptor type, String field, Object value) {
        return DynamicMessage.newBuilder(type).setField(type.findFieldByName(field), value).build();
    }

    private Map<String, Slot> layout(Descriptor type) {
        Map<String, Slot> known = layouts.get(type);
        if (known != null) {
            return known;
        }
        Map<String, Slot> slots = new HashMap<>();
        for (FieldDescriptor field : type.getFields()) {
            if (GoShape.isInline(field)) {
                for (String key : layout(field.getMessageType()).keySet()) {
                    slots.putIfAbsent(key, new Slot(null, field));
                }
            } else {
                slots.put(field.getName(), new Slot(field, null));
            }
        }
        layouts.putIfAbsent(type, Map.copyOf(slots));
        return layouts.get(type);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
