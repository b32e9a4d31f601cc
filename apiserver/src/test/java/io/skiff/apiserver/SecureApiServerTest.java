package io.skiff.apiserver;

import io.skiff.api.pki.CertificateAuthority;
import io.skiff.api.pki.KeyAndCert;
import io.skiff.apiserver.auth.SecurityConfig;
import io.skiff.store.Store;
import io.skiff.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS and authentication: who gets in, who gets 401. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureApiServerTest {
    private CertificateAuthority ca;
    private Store store;
    private ApiServer server;
    private String url;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("secure");
        ca = CertificateAuthority.create("test-ca");
        Path tokens = dir.resolve("tokens.csv");
        Files.writeString(tokens, "s3cret-token,alice,1001,\"devs,ops\"\nroot-token,root,0,system:masters\n");
        store = Stores.open("sqlite", dir);
        SecurityConfig security = new SecurityConfig(ca.issueServing("kube-apiserver", List.of("localhost"), List.of("127.0.0.1")),
                ca.certificate(), tokens);
        server = new ApiServer(ApiServerConfig.defaults().withPort(0).withSecurity(security), store).start();
        url = "https://127.0.0.1:" + server.port();
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    private HttpClient client(KeyAndCert clientCert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        if (clientCert != null) {
            kmf.init(clientCert.keyStore("pw".toCharArray()), "pw".toCharArray());
        }
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(clientCert == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    private int status(HttpClient http, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void clientCertificatesFromTheClusterCaAuthenticate() throws Exception {
        HttpClient admin = client(ca.issueClient("skiff-admin", List.of("system:masters")));
        assertEquals(200, status(admin, "/api/v1/namespaces", null));
    }

    @Test
    void staticTokensAuthenticateAndUnknownOnesAreRefused() throws Exception {
        HttpClient anonymous = client(null);
        assertEquals(200, status(anonymous, "/api/v1/namespaces", "root-token"));
        assertEquals(403, status(anonymous, "/api/v1/namespaces", "s3cret-token"), "authenticated, but RBAC grants alice nothing");
        assertEquals(401, status(anonymous, "/api/v1/namespaces", "guess"));
        assertEquals(401, status(anonymous, "/healthz", "guess"), "a bad token is never treated as anonymous");
    }

    @Test
    void anonymousRequestsReachOnlyHealthAndVersion() throws Exception {
        HttpClient anonymous = client(null);
        assertEquals(401, status(anonymous, "/api/v1/namespaces", null));
        assertEquals(401, status(anonymous, "/apis", null));
        HttpResponse<String> r = anonymous.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/pods")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.body().contains("\"reason\":\"Unauthorized\""), r.body());
        for (String open : List.of("/healthz", "/livez", "/readyz", "/version")) {
            assertEquals(200, status(anonymous, open, null), open);
        }
    }

    @Test
    void certificatesFromAnotherCaAreNotAccepted() throws Exception {
        HttpClient stranger = client(CertificateAuthority.create("other").issueClient("mallory", List.of("system:masters")));
        // the TLS layer refuses the chain, or the request arrives unauthenticated
        try {
            assertEquals(401, status(stranger, "/api/v1/namespaces", null));
        } catch (java.io.IOException handshakeRefused) {
            // also fine: no connection at all
        }
    }

    @Test
    void plainHttpIsOnlyServedOnLoopback() {
        assertThrows(IllegalArgumentException.class, () ->
                new ApiServer(ApiServerConfig.defaults().withPort(0).withBindAddress("0.0.0.0"), store).start());
    }
}
