package io.skiff.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code skiff up}: starts the control plane in the background and points kubectl at it. */
@Command(name = "up", description = "Start a cluster on this machine and configure kubectl for it.")
final class UpCommand implements Callable<Integer> {
    @Option(names = "--data-dir", description = "Data directory (default $SKIFF_HOME or ~/.skiff).")
    String dataDir;

    @Option(names = "--port", defaultValue = "6443")
    int port;

    @Option(names = "--store", defaultValue = "sqlite")
    String store;

    @Option(names = "--no-merge-kubeconfig", description = "Do not touch ~/.kube/config.")
    boolean noMerge;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for the API server.")
    int timeoutSeconds;

    @Option(names = "--insecure", description = "Plain HTTP without authentication, on loopback (not for shared machines).")
    boolean insecure;

    @Option(names = "--no-node", description = "Start only the control plane, no node on this machine.")
    boolean noNode;

    @Option(names = "--node-monitor-grace-period", description = "Seconds without a node heartbeat before it is NotReady (default 40).")
    Long nodeMonitorGracePeriod;

    @Option(names = "--pod-eviction-timeout", description = "Seconds a pod tolerates an unreachable node (default 300).")
    Long podEvictionTimeout;

    @Option(names = "--token-auth-file", description = "Static bearer tokens for the API server (CSV: token,user,uid,\"groups\").")
    Path tokenFile;

    @Override
    public Integer call() throws Exception {
        SkiffHome home = SkiffHome.resolve(dataDir);
        home.create();
        // the CA exists before the server starts, so the server and this command never make two
        ClusterPki pki = insecure ? null : ClusterPki.ensure(home);
        Optional<ProcessHandle> running = home.running("apiserver");
        if (running.isPresent()) {
            System.out.println("✓ API server already running (pid " + running.get().pid() + ")");
        } else {
            System.out.println("• Starting the API server (store: " + store + ", data: " + home.dir() + ")");
            Files.deleteIfExists(home.portFile());
            Path log = home.logs().resolve("apiserver.log");
            List<String> cmd = new ArrayList<>(javaCommand());
            cmd.addAll(List.of("server", "--data-dir", home.dir().toString(), "--port", Integer.toString(port), "--store", store));
            if (insecure) {
                cmd.add("--insecure");
            }
            if (nodeMonitorGracePeriod != null) {
                cmd.addAll(List.of("--node-monitor-grace-period", nodeMonitorGracePeriod.toString()));
            }
            if (podEvictionTimeout != null) {
                cmd.addAll(List.of("--pod-eviction-timeout", podEvictionTimeout.toString()));
            }
            if (tokenFile != null) {
                cmd.addAll(List.of("--token-auth-file", tokenFile.toAbsolutePath().toString()));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Files.writeString(home.pidFile("apiserver"), Long.toString(p.pid()));
            System.out.println("  pid " + p.pid() + ", log " + log);
        }
        String server = waitReady(home, Duration.ofSeconds(timeoutSeconds), pki);
        if (server == null) {
            System.err.println("✗ the API server did not become ready; see " + home.logs().resolve("apiserver.log"));
            return 1;
        }
        System.out.println("✓ API server ready at " + server);
        var cfg = pki == null ? Kubeconfigs.forServer(server, null, null)
                : Kubeconfigs.forServer(server, io.skiff.api.pki.KeyAndCert.pemOf(pki.ca().certificate()), pki.admin());
        Kubeconfigs.write(home.kubeconfig(), cfg);
        System.out.println("✓ Wrote " + home.kubeconfig());
        if (!noMerge) {
            Path user = Kubeconfigs.userKubeconfig();
            Kubeconfigs.merge(user, cfg);
            System.out.println("✓ Merged context \"skiff\" into " + user + " and made it current");
        }
        if (!noNode && pki != null) {
            String node = LocalNode.name();
            if (!LocalNode.start(home, pki, server, node, Duration.ofSeconds(timeoutSeconds))) {
                System.err.println("✗ the node did not become Ready; see " + home.logs().resolve("agent.log"));
                return 1;
            }
            System.out.println("✓ Node " + node + " Ready (Docker runtime). Images for the tutorials: bin/skiff images build nginx busybox");
        }
        System.out.println("Try: kubectl get nodes,namespaces");
        return 0;
    }

    private static String waitReady(SkiffHome home, Duration timeout, ClusterPki pki) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (pki != null) {
            builder.sslContext(tls(pki.ca().certificate(), null));
        }
        HttpClient http = builder.build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(home.portFile())) {
                    String server = (pki == null ? "http" : "https") + "://127.0.0.1:" + Files.readString(home.portFile()).trim();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + "/readyz"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return server;
                    }
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            if (home.running("apiserver").isEmpty()) {
                return null;
            }
            Thread.sleep(200);
        }
        return null;
    }

    /** An SSL context trusting only the cluster CA, presenting {@code client} when not null. */
    static javax.net.ssl.SSLContext tls(java.security.cert.X509Certificate ca, io.skiff.api.pki.KeyAndCert client) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.KeyManager[] keys = null;
        if (client != null) {
            char[] pw = "in-memory".toCharArray();
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(client.keyStore(pw), pw);
            keys = kmf.getKeyManagers();
        }
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(keys, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** This JVM's java and class path, so the server runs exactly what `up` was run from. */
    static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-XX:+UseParallelGC", "-Xss512k", "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }
}
