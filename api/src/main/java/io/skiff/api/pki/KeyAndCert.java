package io.skiff.api.pki;

import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** A private key and its certificate, readable and writable as PEM (what kubeconfigs embed). */
public record KeyAndCert(PrivateKey key, X509Certificate cert) {

    public String certPem() {
        return pem(cert);
    }

    /** PKCS#8 ("PRIVATE KEY"): the JDK's own encoding, which keeps the curve and kubectl reads. */
    public String keyPem() {
        return SigningKeys.pem("PRIVATE KEY", key.getEncoded());
    }

    /** Writes {@code name.crt} and {@code name.key} (mode 0600) into {@code dir}. */
    public void write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".crt"), certPem());
        writeKey(dir.resolve(name + ".key"));
    }

    /** Writes the private key readable by its owner only. */
    void writeKey(Path keyFile) throws IOException {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Files.writeString(keyFile, keyPem());
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; nothing more we can do
        }
    }

    public static KeyAndCert read(Path dir, String name) throws IOException {
        return new KeyAndCert(parseKey(Files.readString(dir.resolve(name + ".key"))),
                parseCert(Files.readString(dir.resolve(name + ".crt"))));
    }

    /** A PKCS#12 key store in memory holding this pair, with the CA chain after it. */
    public KeyStore keyStore(char[] password, X509Certificate... chain) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            X509Certificate[] full = new X509Certificate[chain.length + 1];
            full[0] = cert;
            System.arraycopy(chain, 0, full, 1, chain.length);
            ks.setKeyEntry("key", key, password, full);
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a key store: " + e.getMessage(), e);
        }
    }

    public static String pemOf(X509Certificate cert) {
        return pem(cert);
    }

    public static X509Certificate parseCert(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
        }
    }

    public static PrivateKey parseKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 keys may carry no public part
            }
            if (o instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IllegalArgumentException("not a PEM private key");
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PEM private key: " + e.getMessage(), e);
        }
    }

    static String pem(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
