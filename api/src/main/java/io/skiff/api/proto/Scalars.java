package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;

import java.math.BigInteger;
import java.util.Base64;

/** Protobuf scalar values ↔ JSON values, with Go's JSON conventions (bytes as standard base64). */
final class Scalars {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Scalars() {
    }

    /** Go's zero value of the field's type, which a Go sender writes for every unset plain field. */
    static boolean isZero(Object value) {
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue() == 0;
        }
        if (value instanceof Number n) {
            return n.longValue() == 0;
        }
        if (value instanceof String s) {
            return s.isEmpty();
        }
        if (value instanceof ByteString bytes) {
            return bytes.isEmpty();
        }
        return value instanceof EnumValueDescriptor e && e.getNumber() == 0;
    }

    static JsonNode toJson(FieldDescriptor field, Object value) {
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> NODES.numberNode((Integer) value);
            case UINT32, FIXED32 -> integer(Integer.toUnsignedLong((Integer) value));
            case INT64, SINT64, SFIXED64 -> integer((Long) value);
            case UINT64, FIXED64 -> (Long) value >= 0 ? integer((Long) value)
                    : NODES.numberNode(new BigInteger(Long.toUnsignedString((Long) value)));
            case BOOL -> NODES.booleanNode((Boolean) value);
            case STRING -> NODES.textNode((String) value);
            case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case FLOAT, DOUBLE -> finite(field, ((Number) value).doubleValue());
            case ENUM -> NODES.textNode(((EnumValueDescriptor) value).getName());
            case MESSAGE, GROUP -> throw new IllegalArgumentException(field.getFullName() + " is not a scalar");
        };
    }

    /** The node Jackson itself would parse from this number, so decoded trees equal parsed JSON. */
    private static JsonNode integer(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private static JsonNode finite(FieldDescriptor field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            // JSON has no spelling for these; Go's encoder refuses them too.
            throw ProtoErrors.badBody(field.getName() + " holds " + value + ", which JSON cannot represent");
        }
        return NODES.numberNode(value);
    }

    /** The protobuf value for a JSON value; {@code path} names the field in errors. */
    static Object fromJson(FieldDescriptor field, JsonNode json, String path) {
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> (int) integer(json, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT32, FIXED32 -> (int) integer(json, path, 0, 0xFFFF_FFFFL);
            case INT64, SINT64, SFIXED64 -> integer(json, path, Long.MIN_VALUE, Long.MAX_VALUE);
            case UINT64, FIXED64 -> unsigned64(json, path);
            case BOOL -> {
                if (!json.isBoolean()) {
                    throw ProtoErrors.badValue(path, "expected a boolean, got " + json.getNodeType());
                }
                yield json.booleanValue();
            }
            case STRING -> text(json, path);
            case BYTES -> bytes(json, path);
            case FLOAT -> (float) number(json, path);
            case DOUBLE -> number(json, path);
            case ENUM -> {
                EnumValueDescriptor value = field.getEnumType().findValueByName(text(json, path));
                if (value == null) {
                    throw ProtoErrors.badValue(path, "unknown value " + json);
                }
                yield value;
            }
            case MESSAGE, GROUP -> throw new IllegalArgumentException(field.getFullName() + " is not a scalar");
        };
    }

    static String text(JsonNode json, String path) {
        if (!json.isTextual()) {
            throw ProtoErrors.badValue(path, "expected a string, got " + json.getNodeType());
        }
        return json.textValue();
    }

    /** Go's integer decoding: integral JSON numbers within the type's range, nothing else. */
    static long integer(JsonNode json, String path, long min, long max) {
        if (!json.isNumber() || !json.canConvertToExactIntegral()) {
            throw ProtoErrors.badValue(path, "expected an integer, got " + json);
        }
        BigInteger value = json.bigIntegerValue();
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw ProtoErrors.badValue(path, json + " is out of range [" + min + ", " + max + "]");
        }
        return value.longValue();
    }

    private static long unsigned64(JsonNode json, String path) {
        if (!json.isNumber() || !json.canConvertToExactIntegral()) {
            throw ProtoErrors.badValue(path, "expected an integer, got " + json);
        }
        BigInteger value = json.bigIntegerValue();
        if (value.signum() < 0 || value.compareTo(UINT64_MAX) > 0) {
            throw ProtoErrors.badValue(path, json + " is out of range for an unsigned 64-bit integer");
        }
        return value.longValue();
    }

    private static double number(JsonNode json, String path) {
        if (!json.isNumber()) {
            throw ProtoErrors.badValue(path, "expected a number, got " + json.getNodeType());
        }
        return json.doubleValue();
    }

    private static ByteString bytes(JsonNode json, String path) {
        // Go's []byte decoding is standard base64 and tolerates line breaks.
        String text = text(json, path).replace("\r", "").replace("\n", "");
        try {
            return ByteString.copyFrom(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw ProtoErrors.badValue(path, "not valid base64: " + e.getMessage());
        }
    }
}
