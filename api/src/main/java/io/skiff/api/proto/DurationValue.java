package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

/** meta/v1 Duration: nanoseconds on the wire, Go's duration text in JSON. */
final class DurationValue implements ValueType {
    @Override
    public JsonNode toJson(Message message) {
        return TextNode.valueOf(GoDuration.format((Long) ValueType.get(message, "duration")));
    }

    @Override
    public Message fromJson(JsonNode json, Descriptor type, String path) {
        long nanos;
        try {
            nanos = GoDuration.parse(Scalars.text(json, path));
        } catch (IllegalArgumentException e) {
            throw ProtoErrors.badValue(path, e.getMessage());
        }
        return ValueType.set(DynamicMessage.newBuilder(type), "duration", nanos).build();
    }
}
