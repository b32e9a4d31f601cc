package io.skiff.launcher;

import io.skiff.api.pki.CertificateAuthority;
import io.skiff.api.pki.KeyAndCert;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cluster's certificates in {@code $SKIFF_HOME/pki}: the CA, the API server's serving
 * certificate and the admin's client certificate (group system:masters). Made once, reused.
 */
final class ClusterPki {
    static final String ADMIN_USER = "skiff-admin";
    private final Path dir;
    private final CertificateAuthority ca;

    private ClusterPki(Path dir, CertificateAuthority ca) {
        this.dir = dir;
        this.ca = ca;
    }

    static ClusterPki ensure(SkiffHome home) throws IOException {
        Path dir = home.dir().resolve("pki");
        return new ClusterPki(dir, CertificateAuthority.loadOrCreate(dir, "skiff-ca"));
    }

    CertificateAuthority ca() {
        return ca;
    }

    /** The API server's certificate, valid for loopback, the kubernetes service and this host's names. */
    KeyAndCert apiServer(String advertiseAddress, String serviceIp) throws IOException {
        if (Files.exists(dir.resolve("apiserver.crt"))) {
            return KeyAndCert.read(dir, "apiserver");
        }
        Set<String> dns = new LinkedHashSet<>(List.of("localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
                "kubernetes.default.svc.cluster.local"));
        Set<String> ips = new LinkedHashSet<>(List.of("127.0.0.1", serviceIp, advertiseAddress));
        try {
            InetAddress local = InetAddress.getLocalHost();
            dns.add(local.getHostName());
            ips.add(local.getHostAddress());
        } catch (IOException e) {
            // no resolvable host name: loopback and the service IP still work
        }
        ips.removeIf(ip -> ip == null || ip.isEmpty() || ip.equals("0.0.0.0"));
        KeyAndCert serving = ca.issueServing("kube-apiserver", new ArrayList<>(dns), new ArrayList<>(ips));
        serving.write(dir, "apiserver");
        return serving;
    }

    /** Signs service account tokens. */
    java.security.KeyPair serviceAccountKey() throws IOException {
        return io.skiff.api.pki.SigningKeys.loadOrCreate(dir, "sa");
    }

    KeyAndCert admin() throws IOException {
        if (Files.exists(dir.resolve("admin.crt"))) {
            return KeyAndCert.read(dir, "admin");
        }
        KeyAndCert admin = ca.issueClient(ADMIN_USER, List.of("system:masters"));
        admin.write(dir, "admin");
        return admin;
    }
}
