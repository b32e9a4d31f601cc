package io.skiff.api.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.Json;
import io.skiff.api.errors.ApiException;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Test helpers: JSON from text, and assertions on trees and API errors. */
final class Trees {
    private Trees() {
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Compares as trees, so key order does not matter but list order does. */
    static void assertJson(String expected, JsonNode actual) {
        assertEquals(json(expected), actual, () -> "got " + actual);
    }

    static ApiException assertApiError(int code, String reason, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(code, e.code(), () -> "message: " + e.getMessage());
        assertEquals(reason, e.reason());
        return e;
    }

    static ApiException assertApiError(int code, String reason, String message, Executable call) {
        ApiException e = assertApiError(code, reason, call);
        assertEquals(message, e.getMessage());
        return e;
    }
}
