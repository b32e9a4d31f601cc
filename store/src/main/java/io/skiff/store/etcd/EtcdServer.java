package io.skiff.store.etcd;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away etcd (one member or a cluster) on loopback, for tests and benchmarks: each member
 * is a child process of the distribution's {@code etcd} binary with its own free ports and a
 * temporary data directory. {@link #close()} kills the members by PID and deletes the directory.
 *
 * <p>The binary is {@code $SKIFF_ETCD} if set, else {@code /usr/bin/etcd}; if it is missing this
 * fails loudly, because a missing prerequisite must fail a test run, never skip it.
 */
public final class EtcdServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdServer.class);
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 3;

    /** One member: its ports, data directory and process. */
    private record Member(String name, int clientPort, int peerPort, Path dataDir, Path log, Process process) {
        String clientUrl() {
            return "http://127.0.0.1:" + clientPort;
        }

        String peerUrl() {
            return "http://127.0.0.1:" + peerPort;
        }
    }

    private final Path baseDir;
    private final List<Member> members;
    /** Kills the members if the JVM exits without {@link #close()}, so no etcd outlives its test. */
    private final Thread reaper;

    private EtcdServer(Path baseDir, List<Member> members) {
        this.baseDir = baseDir;
        this.members = members;
        this.reaper = new Thread(() -> members.forEach(m -> m.process().toHandle().destroyForcibly()), "etcd-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** A single-member etcd. */
    public static EtcdServer start() {
        return cluster(1);
    }

    /** A cluster of {@code size} members, all healthy (a leader elected) on return. */
    public static EtcdServer cluster(int size) {
        Path binary = binary();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("skiff-etcd");
                EtcdServer server = launch(binary, dir, size);
                try {
                    server.awaitHealthy();
                } catch (IOException | RuntimeException e) {
                    server.close();
                    throw e;
                }
                LOG.info("etcd of {} member(s) ready at {}", size, server.endpoints());
                return server;
            } catch (IOException e) {
                // Most likely a port taken between choosing and binding it: try other ports.
                last = e;
                LOG.warn("etcd start attempt {} failed: {}", attempt, e.getMessage());
                deleteTree(dir);
            }
        }
        throw new IllegalStateException("etcd did not start after " + ATTEMPTS + " attempts", last);
    }

    private static Path binary() {
        String configured = System.getenv("SKIFF_ETCD");
        Path binary = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/etcd");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("etcd binary not found at " + binary
                    + ": install it (apt-get install -y etcd-server) or set SKIFF_ETCD");
        }
        return binary;
    }

    private static EtcdServer launch(Path binary, Path dir, int size) throws IOException {
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(new int[] {freePort(), freePort()});
        }
        String token = "skiff-" + UUID.randomUUID();
        String initialCluster = Stream.iterate(0, i -> i + 1).limit(size)
                .map(i -> "m" + i + "=http://127.0.0.1:" + ports.get(i)[1])
                .collect(Collectors.joining(","));
        List<Member> members = new ArrayList<>();
        EtcdServer server = new EtcdServer(dir, members);
        try {
            for (int i = 0; i < size; i++) {
                String name = "m" + i;
                Path dataDir = dir.resolve(name);
                Path log = dir.resolve(name + ".log");
                String client = "http://127.0.0.1:" + ports.get(i)[0];
                String peer = "http://127.0.0.1:" + ports.get(i)[1];
                Process p = new ProcessBuilder(binary.toString(),
                        "--name", name,
                        "--data-dir", dataDir.toString(),
                        "--listen-client-urls", client,
                        "--advertise-client-urls", client,
                        "--listen-peer-urls", peer,
                        "--initial-advertise-peer-urls", peer,
                        "--initial-cluster", initialCluster,
                        "--initial-cluster-token", token,
                        "--initial-cluster-state", "new",
                        "--logger", "zap",
                        "--log-outputs", "stderr")
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                members.add(new Member(name, ports.get(i)[0], ports.get(i)[1], dataDir, log, p));
            }
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitHealthy() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        for (Member m : members) {
            while (!healthy(http, m)) {
                if (!m.process().isAlive()) {
                    throw new IOException("etcd member " + m.name() + " exited with " + m.process().exitValue()
                            + "; log tail:\n" + tail(m.log()));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("etcd member " + m.name() + " not healthy within " + STARTUP
                            + "; log tail:\n" + tail(m.log()));
                }
                sleep(100);
            }
        }
    }

    private static boolean healthy(HttpClient http, Member m) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(m.clientUrl() + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"true\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for etcd", e);
        }
    }

    /** Client URLs of all members, e.g. {@code http://127.0.0.1:41234}. */
    public List<String> endpoints() {
        return members.stream().map(Member::clientUrl).toList();
    }

    /** A store URL for {@link io.skiff.store.Stores#open}: {@code etcd://127.0.0.1:p1,127.0.0.1:p2}. */
    public String url() {
        return "etcd://" + members.stream().map(m -> "127.0.0.1:" + m.clientPort()).collect(Collectors.joining(","));
    }

    public int size() {
        return members.size();
    }

    public long pid(int member) {
        return members.get(member).process().pid();
    }

    /** Kills one member with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill(int member) {
        Member m = members.get(member);
        killAndWait(m);
        LOG.info("killed etcd member {} (pid {})", m.name(), m.process().pid());
    }

    @Override
    public void close() {
        for (Member m : members) {
            killAndWait(m);
        }
        deleteTree(baseDir);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
    }

    private static void killAndWait(Member m) {
        ProcessHandle handle = m.process().toHandle(); // by PID, never by name
        handle.destroyForcibly();
        try {
            handle.onExit().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("waiting for etcd member {} to exit failed", m.name(), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}", dir, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for etcd", e);
        }
    }
}
