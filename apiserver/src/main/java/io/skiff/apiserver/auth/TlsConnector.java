package io.skiff.apiserver.auth;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.security.KeyStore;

/**
 * The HTTPS connector: the serving certificate, and client certificates requested (not
 * required: tokens authenticate too) and verified against the cluster CA.
 */
public final class TlsConnector {
    private TlsConnector() {
    }

    public static Connector create(Server server, HttpConfiguration http, SecurityConfig security, String host, int port) {
        char[] password = "skiff".toCharArray(); // in-memory key store only
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(security.serving().keyStore(password, security.clientCa()));
        ssl.setKeyStorePassword(new String(password));
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("client-ca", security.clientCa());
            ssl.setTrustStore(trust);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the client CA trust store", e);
        }
        ssl.setWantClientAuth(true);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false); // clients reach us by IP as often as by name
        https.addCustomizer(customizer);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
