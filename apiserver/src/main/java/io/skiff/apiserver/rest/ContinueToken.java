package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.Json;
import io.skiff.api.errors.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque {@code continue} value of a paged list: the revision it was read at and the key to resume from. */
record ContinueToken(long revision, String startKey) {

    String encode() {
        String json = Json.string(Json.object().put("v", "meta.k8s.io/v1").put("rv", revision).put("start", startKey));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static ContinueToken decode(String token, String prefix) {
        try {
            JsonNode n = Json.parse(Base64.getUrlDecoder().decode(token));
            String start = n.path("start").asText();
            long rv = n.path("rv").asLong();
            if (!start.startsWith(prefix) || rv <= 0) {
                throw new IllegalArgumentException("token does not belong to this list");
            }
            return new ContinueToken(rv, start);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid continue token: " + e.getMessage());
        }
    }
}
