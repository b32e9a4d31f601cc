package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * meta/v1 Time and MicroTime: {@code {seconds, nanos}} on the wire, RFC 3339 in UTC in JSON. Time shows
 * whole seconds ({@code 2024-01-02T03:04:05Z}), MicroTime always six fraction digits.
 */
final class TimeValue implements ValueType {
    static final TimeValue TIME = new TimeValue(false);
    static final TimeValue MICRO_TIME = new TimeValue(true);

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final boolean micro;

    private TimeValue(boolean micro) {
        this.micro = micro;
    }

    @Override
    public JsonNode toJson(Message message) {
        if (!ValueType.has(message, "seconds") && !ValueType.has(message, "nanos")) {
            return null; // Go writes its zero time as an empty message; its JSON is null, i.e. unset.
        }
        long seconds = (Long) ValueType.get(message, "seconds");
        int nanos = micro ? (Integer) ValueType.get(message, "nanos") : 0; // Time keeps whole seconds only
        Instant instant;
        int year;
        try {
            instant = Instant.ofEpochSecond(seconds, nanos);
            year = instant.atOffset(ZoneOffset.UTC).getYear();
        } catch (DateTimeException | ArithmeticException e) {
            throw ProtoErrors.badBody("time " + seconds + "s is out of range");
        }
        if (year < 0 || year > 9999) {
            throw ProtoErrors.badBody("time " + instant + " is outside the years 0-9999 that RFC 3339 allows");
        }
        return TextNode.valueOf(micro ? MICROS.format(instant.truncatedTo(ChronoUnit.MICROS)) : SECONDS.format(instant));
    }

    @Override
    public Message fromJson(JsonNode json, Descriptor type, String path) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(Scalars.text(json, path), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw ProtoErrors.badValue(path, "not an RFC 3339 time: " + json);
        }
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        ValueType.set(builder, "seconds", instant.getEpochSecond());
        ValueType.set(builder, "nanos", instant.getNano());
        return builder.build();
    }
}
