package io.skiff.apiserver.auth;

import io.skiff.api.pki.SigningKeys;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceAccountTokensTest {

    @Test
    void issuedTokensVerifyOnlyForTheirAudienceUntilTheyExpire() throws Exception {
        ServiceAccountTokens tokens = new ServiceAccountTokens(SigningKeys.loadOrCreate(Files.createTempDirectory("sa"), "sa"));
        String token = tokens.issue("team", "bot", "uid-1", List.of(ServiceAccountTokens.ISSUER), Instant.now().plusSeconds(600));
        ServiceAccountTokens.Claims claims = tokens.verify(token, ServiceAccountTokens.ISSUER).orElseThrow();
        assertEquals("system:serviceaccount:team:bot", claims.username());
        assertEquals("uid-1", claims.uid());
        assertTrue(tokens.verify(token, "https://other.example").isEmpty(), "another audience");
        String expired = tokens.issue("team", "bot", "uid-1", List.of(ServiceAccountTokens.ISSUER), Instant.now().minusSeconds(1));
        assertTrue(tokens.verify(expired, ServiceAccountTokens.ISSUER).isEmpty(), "expired");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("bot", "adm").getBytes()) + "." + parts[2];
        assertTrue(tokens.verify(forged, ServiceAccountTokens.ISSUER).isEmpty(), "a changed payload breaks the signature");
        ServiceAccountTokens other = new ServiceAccountTokens(SigningKeys.loadOrCreate(Files.createTempDirectory("sa2"), "sa"));
        assertTrue(other.verify(token, ServiceAccountTokens.ISSUER).isEmpty(), "another cluster's key");
        assertTrue(tokens.verify("not.a.token", ServiceAccountTokens.ISSUER).isEmpty());
    }
}
