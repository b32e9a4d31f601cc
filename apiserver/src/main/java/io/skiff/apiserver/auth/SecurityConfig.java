package io.skiff.apiserver.auth;

import io.skiff.api.pki.KeyAndCert;

import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * TLS and authentication settings of a secure API server.
 *
 * @param serving   the API server's serving key and certificate
 * @param clientCa  the CA whose client certificates are accepted (and that signed {@code serving})
 * @param tokenFile static bearer tokens (Kubernetes' CSV format), or null
 * @param serviceAccountKey signs and verifies service account tokens; null = none issued
 */
public record SecurityConfig(KeyAndCert serving, X509Certificate clientCa, Path tokenFile, java.security.KeyPair serviceAccountKey) {

    public SecurityConfig(KeyAndCert serving, X509Certificate clientCa, Path tokenFile) {
        this(serving, clientCa, tokenFile, null);
    }
}
