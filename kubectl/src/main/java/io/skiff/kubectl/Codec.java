package io.skiff.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON and YAML trees for the client. Plain mappers, each made on first use: a {@code get pods}
 * never pays for YAML, and neither pays for the server's configuration (java.time, limits).
 */
public final class Codec {
    private Codec() {
    }

    private static final class JsonHolder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final class YamlHolder {
        static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
                .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
    }

    public static ObjectMapper json() {
        return JsonHolder.MAPPER;
    }

    public static ObjectMapper yaml() {
        return YamlHolder.MAPPER;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static JsonNode parse(byte[] json) {
        try {
            return json().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Object value) {
        try {
            return json().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
