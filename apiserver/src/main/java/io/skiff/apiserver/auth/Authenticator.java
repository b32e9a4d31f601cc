package io.skiff.apiserver.auth;

import java.util.Optional;

/**
 * One way of proving who you are. Returns empty when the request does not use this way;
 * throws {@link io.skiff.api.errors.ApiException} 401 when it does but the proof is bad
 * (an unknown token), so that a wrong credential never falls through to anonymous.
 */
public interface Authenticator {
    Optional<UserInfo> authenticate(Credentials credentials);
}
