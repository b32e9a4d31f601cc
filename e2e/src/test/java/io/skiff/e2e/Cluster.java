package io.skiff.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A cluster started with {@code bin/skiff up} in a temporary SKIFF_HOME on a free port, and the
 * real {@code /usr/bin/kubectl} pointed at it. {@link #close()} runs {@code bin/skiff down} and
 * removes the directory.
 */
final class Cluster implements AutoCloseable {
    static final Path ROOT = findRoot();
    private final Path home;
    private final Path cacheDir;
    final int port;

    private Cluster(Path home, int port) {
        this.home = home;
        this.port = port;
        this.cacheDir = home.resolve("kube-cache");
    }

    /** Static tokens the cluster accepts: user "alice" (no groups) authenticates with this one. */
    static final String ALICE_TOKEN = "alice-e2e-token";

    /** A cluster with a real node on this machine's Docker engine. */
    static Cluster upWithNode() throws Exception {
        return up("--with-node");
    }

    static Cluster up(String... extraArgs) throws Exception {
        Path home = Files.createTempDirectory("skiff-e2e");
        Cluster c = new Cluster(home, freePort());
        Path tokens = home.resolve("tokens.csv");
        Files.writeString(tokens, ALICE_TOKEN + ",alice,1001,\n");
        // the API-level tests drive pods themselves (or leave them Pending): no Docker node
        List<String> args = new ArrayList<>(List.of("up", "--port", Integer.toString(c.port), "--no-merge-kubeconfig",
                "--token-auth-file", tokens.toString(), "--no-node"));
        for (String a : extraArgs) {
            if (a.equals("--with-node")) {
                args.remove("--no-node");
            } else {
                args.add(a);
            }
        }
        Result r = c.skiff(args.toArray(new String[0]));
        if (r.code() != 0) {
            Path log = home.resolve("logs/apiserver.log");
            String text = Files.exists(log) ? Files.readString(log) : "";
            c.close();
            throw new IllegalStateException("skiff up failed:\n" + r.out() + r.err() + "\n" + text);
        }
        return c;
    }

    Result skiff(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/skiff").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--data-dir", home.toString()));
        return Result.run(cmd, null, 180);
    }

    /** The real kubectl with this cluster's kubeconfig. */
    Result kubectl(String... args) throws IOException, InterruptedException {
        return kubectlWithInput(null, args);
    }

    Result kubectlWithInput(String stdin, String... args) throws IOException, InterruptedException {
        return Result.run(kubectlCommand(args), stdin, 60);
    }

    List<String> kubectlCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/kubectl", "--kubeconfig", home.resolve("kubeconfig").toString(),
                "--cache-dir", cacheDir.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    String server() {
        return "https://127.0.0.1:" + port;
    }

    Path kubeconfig() {
        return home.resolve("kubeconfig");
    }

    /**
     * An HTTPS client acting as the cluster admin: the CA and client certificate of the
     * kubeconfig {@code skiff up} wrote (for tests that speak HTTP where kubectl would be slow).
     */
    java.net.http.HttpClient adminHttp() throws Exception {
        String cfg = Files.readString(kubeconfig());
        java.util.function.Function<String, byte[]> field = name -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(name + ":\\s*(\\S+)").matcher(cfg);
            if (!m.find()) {
                throw new IllegalStateException("no " + name + " in " + kubeconfig());
            }
            return java.util.Base64.getDecoder().decode(m.group(1));
        };
        java.security.cert.CertificateFactory certs = java.security.cert.CertificateFactory.getInstance("X.509");
        java.security.cert.Certificate ca = certs.generateCertificate(new java.io.ByteArrayInputStream(field.apply("certificate-authority-data")));
        java.security.cert.Certificate cert = certs.generateCertificate(new java.io.ByteArrayInputStream(field.apply("client-certificate-data")));
        String keyPem = new String(field.apply("client-key-data"), java.nio.charset.StandardCharsets.US_ASCII);
        byte[] der = java.util.Base64.getMimeDecoder().decode(keyPem.replaceAll("-----[A-Z ]+-----", "").trim());
        java.security.PrivateKey key = java.security.KeyFactory.getInstance("EC").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("admin", key, "pw".toCharArray(), new java.security.cert.Certificate[] {cert});
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "pw".toCharArray());
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return java.net.http.HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Override
    public void close() throws Exception {
        skiff("down");
        try (var walk = Files.walk(home)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("bin/skiff"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (bin/skiff)");
        }
        return p;
    }

    /** A finished command. */
    record Result(int code, String out, String err) {
        static Result run(List<String> cmd, String stdin, int timeoutSeconds) throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("SKIFF_NO_BUILD", "1");
            Path out = Files.createTempFile("out", ".txt");
            Path err = Files.createTempFile("err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes());
            }
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return r;
        }

        Result ok() {
            if (code != 0) {
                throw new AssertionError("exit " + code + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }
}
