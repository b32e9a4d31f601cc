package io.skiff.kubectl.http;

import io.skiff.kubectl.config.RestConfig;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SSLContext of a kubeconfig: its CA (or none when insecure) and its client certificate. */
final class Tls {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private Tls() {
    }

    static SSLContext context(RestConfig c) throws GeneralSecurityException {
        TrustManager[] trust = null;
        if (c.insecure()) {
            trust = new TrustManager[]{new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }};
        } else if (c.caPem() != null) {
            KeyStore ts = emptyStore();
            int i = 0;
            for (Certificate cert : certificates(c.caPem())) {
                ts.setCertificateEntry("ca" + i++, cert);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            trust = tmf.getTrustManagers();
        }
        KeyManagerFactory kmf = null;
        if (c.clientCertPem() != null && c.clientKeyPem() != null) {
            KeyStore ks = emptyStore();
            ks.setKeyEntry("client", privateKey(c.clientKeyPem()), new char[0],
                    certificates(c.clientCertPem()).toArray(new Certificate[0]));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), trust, null);
        return ctx;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            return ks;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    static List<Certificate> certificates(byte[] pem) throws GeneralSecurityException {
        return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)));
    }

    /** PKCS#8 ("PRIVATE KEY"), PKCS#1 RSA and SEC1 EC keys, as kubeconfigs carry them. */
    static PrivateKey privateKey(byte[] pem) throws GeneralSecurityException {
        Matcher m = PEM.matcher(new String(pem, java.nio.charset.StandardCharsets.US_ASCII));
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).trim());
            switch (m.group(1)) {
                case "PRIVATE KEY":
                    for (String alg : List.of("RSA", "EC", "Ed25519")) {
                        try {
                            return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
                        } catch (GeneralSecurityException tryNext) {
                            // not this algorithm
                        }
                    }
                    throw new GeneralSecurityException("unsupported private key");
                case "RSA PRIVATE KEY":
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Der.pkcs8(der, Der.RSA_OID, null)));
                case "EC PRIVATE KEY":
                    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Der.pkcs8(der, Der.EC_OID, Der.ecCurve(der))));
                default:
                    break;
            }
        }
        throw new GeneralSecurityException("no private key in PEM data");
    }
}
