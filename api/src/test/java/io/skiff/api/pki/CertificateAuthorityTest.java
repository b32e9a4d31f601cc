package io.skiff.api.pki;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateAuthorityTest {

    @Test
    void clientCertificatesCarryUserAndGroupsAndChainToTheCa() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("skiff-ca");
        KeyAndCert admin = ca.issueClient("skiff-admin", List.of("system:masters"));
        X509Certificate cert = admin.cert();
        cert.verify(ca.certificate().getPublicKey());
        String subject = cert.getSubjectX500Principal().getName();
        assertTrue(subject.contains("CN=skiff-admin") && subject.contains("O=system:masters"), subject);
        assertTrue(cert.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "clientAuth");
        KeyAndCert other = CertificateAuthority.create("other").issueClient("x", List.of());
        assertThrows(Exception.class, () -> other.cert().verify(ca.certificate().getPublicKey()));
    }

    @Test
    void servingCertificatesNameTheirHostsAndRoundTripThroughPem() throws Exception {
        Path dir = Files.createTempDirectory("pki");
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir, "skiff-ca");
        KeyAndCert serving = ca.issueServing("kube-apiserver", List.of("localhost", "kubernetes.default.svc"), List.of("127.0.0.1", "10.96.0.1"));
        serving.write(dir, "apiserver");
        KeyAndCert read = KeyAndCert.read(dir, "apiserver");
        assertEquals(serving.cert(), read.cert());
        assertEquals(serving.key(), read.key());
        assertEquals(4, read.cert().getSubjectAlternativeNames().size());
        assertEquals(ca.certificate(), CertificateAuthority.loadOrCreate(dir, "skiff-ca").certificate(), "the CA is created once");
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(dir.resolve("ca.key")), "the CA key is readable by its owner only");
    }
}
