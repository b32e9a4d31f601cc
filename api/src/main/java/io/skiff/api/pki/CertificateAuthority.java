package io.skiff.api.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The cluster CA: makes serving certificates (API server, kubelets) and client certificates
 * (CN = user, O = groups, as Kubernetes' x509 authenticator reads them). ECDSA P-256 keys:
 * small and fast, and accepted by kubectl, Go and the JDK.
 */
public final class CertificateAuthority {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(365);
    private final KeyAndCert ca;

    public CertificateAuthority(KeyAndCert ca) {
        this.ca = ca;
    }

    public static CertificateAuthority create(String commonName) {
        try {
            KeyPair kp = newKeyPair();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(CA_VALIDITY)), name, kp.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate cert = sign(b, kp.getPrivate());
            return new CertificateAuthority(new KeyAndCert(kp.getPrivate(), cert));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a CA: " + e.getMessage(), e);
        }
    }

    /** Loads {@code ca.crt}/{@code ca.key} from {@code dir}, creating them the first time. */
    public static CertificateAuthority loadOrCreate(Path dir, String commonName) throws IOException {
        if (Files.exists(dir.resolve("ca.crt")) && Files.exists(dir.resolve("ca.key"))) {
            return new CertificateAuthority(KeyAndCert.read(dir, "ca"));
        }
        CertificateAuthority ca = create(commonName);
        ca.ca.write(dir, "ca");
        return ca;
    }

    public X509Certificate certificate() {
        return ca.cert();
    }

    public KeyAndCert keyAndCert() {
        return ca;
    }

    /** A server certificate valid for the given DNS names and IP addresses. */
    public KeyAndCert issueServing(String commonName, List<String> dnsNames, List<String> ips) {
        KeyPair kp = newKeyPair();
        return new KeyAndCert(kp.getPrivate(), issue(commonName, List.of(), kp.getPublic(), KeyPurposeId.id_kp_serverAuth, dnsNames, ips));
    }

    /** A client certificate for {@code user} in {@code groups}. */
    public KeyAndCert issueClient(String user, List<String> groups) {
        KeyPair kp = newKeyPair();
        return new KeyAndCert(kp.getPrivate(), issue(user, groups, kp.getPublic(), KeyPurposeId.id_kp_clientAuth, List.of(), List.of()));
    }

    /** A client certificate for a key someone else holds (node join: the agent keeps its private key). */
    public X509Certificate issueClient(String user, List<String> groups, PublicKey key) {
        return issue(user, groups, key, KeyPurposeId.id_kp_clientAuth, List.of(), List.of());
    }

    private X509Certificate issue(String cn, List<String> orgs, PublicKey key, KeyPurposeId usage, List<String> dns, List<String> ips) {
        try {
            X500NameBuilder nb = new X500NameBuilder(BCStyle.INSTANCE);
            for (String o : orgs) {
                nb.addRDN(BCStyle.O, o);
            }
            nb.addRDN(BCStyle.CN, cn);
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.cert(), serial(), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(LEAF_VALIDITY)), nb.build(), key);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca.cert()));
            if (!dns.isEmpty() || !ips.isEmpty()) {
                GeneralName[] names = new GeneralName[dns.size() + ips.size()];
                int i = 0;
                for (String d : dns) {
                    names[i++] = new GeneralName(GeneralName.dNSName, d);
                }
                for (String ip : ips) {
                    names[i++] = new GeneralName(GeneralName.iPAddress, ip);
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            return sign(b, ca.key());
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a certificate for " + cn + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, java.security.PrivateKey signingKey) throws Exception {
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey);
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make an EC key", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM);
    }
}
