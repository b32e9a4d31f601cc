package io.skiff.apiserver.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.watch.ObjectCache;

import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens that are our service account JWTs. A token whose account was deleted (or
 * re-created with another uid) no longer authenticates, as with Kubernetes' bound tokens.
 */
public final class ServiceAccountAuthenticator implements Authenticator {
    private final ServiceAccountTokens tokens;
    private final ObjectCache serviceAccounts;

    public ServiceAccountAuthenticator(ServiceAccountTokens tokens, ObjectCache serviceAccounts) {
        this.tokens = tokens;
        this.serviceAccounts = serviceAccounts;
    }

    @Override
    public Optional<UserInfo> authenticate(Credentials credentials) {
        String token = credentials.bearerToken();
        if (token == null || token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        ServiceAccountTokens.Claims claims = tokens.verify(token, ServiceAccountTokens.ISSUER).orElse(null);
        if (claims == null) {
            return Optional.empty();
        }
        ObjectNode sa = serviceAccounts.get(claims.namespace(), claims.name());
        if (sa == null || !claims.uid().equals(sa.path("metadata").path("uid").asText())) {
            throw ApiException.unauthorized();
        }
        return Optional.of(UserInfo.authenticated(claims.username(), claims.uid(),
                List.of("system:serviceaccounts", "system:serviceaccounts:" + claims.namespace())));
    }
}
