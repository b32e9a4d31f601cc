package io.skiff.apiserver.auth;

import io.skiff.api.errors.ApiException;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticator chain: the first authenticator that recognises the request's credentials
 * names the user. A request with a token nobody recognises is 401, never anonymous; a request
 * with no credentials is anonymous, which only the health and version paths accept.
 */
public final class Authentication {
    /** What Kubernetes' system:public-info-viewer lets anyone read. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/healthz", "/livez", "/readyz", "/version");
    private final List<Authenticator> chain;

    public Authentication(List<Authenticator> chain) {
        this.chain = List.copyOf(chain);
    }

    /** Client certificates, service account tokens, then the static token file if there is one. */
    public static Authentication forConfig(SecurityConfig security, ServiceAccountAuthenticator serviceAccounts) {
        List<Authenticator> chain = new java.util.ArrayList<>();
        chain.add(new X509Authenticator());
        if (serviceAccounts != null) {
            chain.add(serviceAccounts);
        }
        if (security.tokenFile() != null) {
            try {
                chain.add(new TokenFileAuthenticator(security.tokenFile()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the token file " + security.tokenFile() + ": " + e.getMessage(), e);
            }
        }
        return new Authentication(chain);
    }

    public UserInfo authenticate(Credentials credentials, String path) {
        for (Authenticator a : chain) {
            Optional<UserInfo> user = a.authenticate(credentials);
            if (user.isPresent()) {
                return user.get();
            }
        }
        if (credentials.bearerToken() != null) {
            throw ApiException.unauthorized();
        }
        if (isPublic(path)) {
            return UserInfo.ANONYMOUS;
        }
        throw ApiException.unauthorized();
    }

    static boolean isPublic(String path) {
        return PUBLIC_PATHS.contains(path) || PUBLIC_PATHS.stream().anyMatch(p -> path.startsWith(p + "/"));
    }
}
