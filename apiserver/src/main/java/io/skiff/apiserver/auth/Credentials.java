package io.skiff.apiserver.auth;

import java.security.cert.X509Certificate;

/**
 * What a request presents: the verified client certificate chain (TLS) and the
 * Authorization header. Plain HTTP requests and WebSocket upgrades give the same view.
 */
public record Credentials(X509Certificate[] clientChain, String authorization) {

    /** The bearer token, or null. */
    public String bearerToken() {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
