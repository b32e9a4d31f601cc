package io.skiff.launcher;


import java.io.IOException;
import java.net.InetAddress;
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
import java.util.concurrent.TimeUnit;

/**
 * The node {@code skiff up} runs on this machine: {@code skiff agent} in the background with a
 * client certificate of its own (CN system:node:NAME, O system:nodes), started after the Docker
 * engine; {@code skiff down} stops it and removes its containers.
 */
final class LocalNode {
    private LocalNode() {
    }

    static String name() throws IOException {
        return InetAddress.getLocalHost().getHostName().toLowerCase();
    }

    static boolean start(SkiffHome home, ClusterPki pki, String server, String node, Duration timeout) throws Exception {
        if (home.running("agent").isPresent()) {
            System.out.println("✓ Node agent already running");
            return true;
        }
        System.out.println("• Checking the Docker engine");
        DockerEngine.ensureRunning();
        Path dir = home.dir().resolve("pki");
        if (!Files.exists(dir.resolve("node.crt"))) {
            pki.ca().issueClient("system:node:" + node, List.of("system:nodes")).write(dir, "node");
        }
        List<String> cmd = new ArrayList<>(UpCommand.javaCommand());
        cmd.addAll(List.of("agent", "--server", server, "--node-name", node, "--data-dir", home.dir().toString(),
                "--certificate-authority", dir.resolve("ca.crt").toString(),
                "--client-certificate", dir.resolve("node.crt").toString(), "--client-key", dir.resolve("node.key").toString()));
        Path log = home.logs().resolve("agent.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Files.writeString(home.pidFile("agent"), Long.toString(p.pid()));
        Files.writeString(home.dir().resolve("agent.node"), node);
        System.out.println("• Starting node " + node + " (pid " + p.pid() + ", log " + log + ")");
        return waitReady(server, pki, node, timeout);
    }

    private static boolean waitReady(String server, ClusterPki pki, String node, Duration timeout) throws Exception {
        javax.net.ssl.SSLContext ssl = UpCommand.tls(pki.ca().certificate(), pki.admin());
        HttpClient http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + "/api/v1/nodes/" + node)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    for (var c : io.skiff.api.Json.parse(r.body().getBytes()).path("status").path("conditions")) {
                        if ("Ready".equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
                            return true;
                        }
                    }
                }
            } catch (IOException e) {
                // the API server is up; keep asking
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Stops the agent (its containers keep running), then removes this node's containers. */
    static void stop(SkiffHome home) throws Exception {
        Optional<ProcessHandle> agent = home.running("agent");
        if (agent.isPresent()) {
            agent.get().destroy();
            try {
                agent.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                agent.get().destroyForcibly();
            }
            System.out.println("✓ Stopped the node agent (pid " + agent.get().pid() + ")");
        }
        Files.deleteIfExists(home.pidFile("agent"));
        Path nodeFile = home.dir().resolve("agent.node");
        if (Files.exists(nodeFile)) {
            List<String> cmd = new ArrayList<>(UpCommand.javaCommand());
            cmd.addAll(List.of("agent", "--remove-containers", "--node-name", Files.readString(nodeFile).trim(), "--data-dir", home.dir().toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.logs().resolve("agent.log").toFile())).start();
            if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
                System.out.println("✓ Removed the node's containers");
            } else {
                System.err.println("✗ could not remove every container of the node; see " + home.logs().resolve("agent.log"));
            }
            Files.deleteIfExists(nodeFile);
        }
    }
}
