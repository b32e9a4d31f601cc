package io.skiff.api.errors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One validation failure, worded as Kubernetes words it
 * ({@code metadata.name: Invalid value: "X": a lowercase RFC 1123 subdomain ...}).
 *
 * @param reason  the cause reason: FieldValueInvalid, FieldValueRequired, FieldValueDuplicate,
 *                FieldValueNotSupported, FieldValueForbidden, FieldValueTooLong, FieldValueTypeInvalid
 * @param field   the field path, e.g. {@code spec.containers[0].name}
 * @param detail  the text after the value
 */
public record FieldError(String reason, String field, String message) {

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError("FieldValueInvalid", field, "Invalid value: " + quote(value) + ": " + detail);
    }

    public static FieldError required(String field, String detail) {
        return new FieldError("FieldValueRequired", field, "Required value" + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    }

    public static FieldError duplicate(String field, Object value) {
        return new FieldError("FieldValueDuplicate", field, "Duplicate value: " + quote(value));
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError("FieldValueForbidden", field, "Forbidden: " + detail);
    }

    public static FieldError tooLong(String field, Object value, int max) {
        return new FieldError("FieldValueTooLong", field, "Too long: may not be more than " + max + " bytes");
    }

    public static FieldError notSupported(String field, Object value, java.util.Collection<String> supported) {
        StringBuilder sb = new StringBuilder("Unsupported value: ").append(quote(value));
        if (supported != null && !supported.isEmpty()) {
            sb.append(": supported values: ");
            int i = 0;
            for (String s : supported) {
                sb.append(i++ > 0 ? ", " : "").append('"').append(s).append('"');
            }
        }
        return new FieldError("FieldValueNotSupported", field, sb.toString());
    }

    /** Kubernetes prints strings quoted, numbers and booleans bare. */
    static String quote(Object value) {
        if (value instanceof JsonNode node) {
            value = node.isTextual() ? node.asText() : node.isNumber() || node.isBoolean() ? node : node.toString();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof JsonNode) {
            return String.valueOf(value);
        }
        if (value == null) {
            return "null";
        }
        return '"' + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** {@code field: message}, the form a Status message lists. */
    public String text() {
        return field == null || field.isEmpty() ? message : field + ": " + message;
    }
}
