package io.skiff.api.proto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.google.protobuf.ByteString;
import io.skiff.api.Json;

import java.io.IOException;

/** The message types that wrap another document: RawExtension, FieldsV1, and a nested runtime.Unknown. */
final class EmbeddedTypes {
    static final String RAW_EXTENSION = "k8s.io.apimachinery.pkg.runtime.RawExtension";
    static final String UNKNOWN = "k8s.io.apimachinery.pkg.runtime.Unknown";
    static final String FIELDS_V1 = "k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1";

    // Go's decoder rejects trailing bytes after the JSON value; so do we.
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EmbeddedTypes() {
    }

    /** Parses embedded JSON bytes; {@code what} names the holder in errors. */
    static JsonNode parseJson(ByteString bytes, String what) {
        try {
            JsonNode node = STRICT.readTree(bytes.newInput());
            if (node == null || node.isMissingNode()) {
                throw ProtoErrors.badBody(what + " holds no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProtoErrors.badBody(what + " holds neither Kubernetes protobuf nor valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProtoErrors.badBody(what + " cannot be read: " + e.getMessage());
        }
    }
}
