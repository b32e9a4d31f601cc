package io.skiff.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a Docker engine answers on /var/run/docker.sock: installs Debian's docker.io
 * and starts dockerd when missing, saying so (same steps as bin/lib/docker.sh).
 */
final class DockerEngine {
    static final Path LOG = Path.of("/var/log/skiff-dockerd.log");

    private DockerEngine() {
    }

    static void ensureRunning() throws IOException, InterruptedException {
        if (ready()) {
            return;
        }
        if (!onPath("dockerd") || !onPath("docker")) {
            System.out.println("• Installing the Docker engine (Debian package docker.io)");
            run("apt-get", "update", "-q");
            run("apt-get", "install", "-y", "-q", "docker.io");
        }
        System.out.println("• Starting dockerd (log " + LOG + ")");
        // setsid: the engine is shared by every node on the machine and outlives this command.
        new ProcessBuilder("setsid", "dockerd").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        for (int i = 0; i < 60; i++) {
            if (ready()) {
                System.out.println("✓ Docker engine ready");
                return;
            }
            Thread.sleep(500);
        }
        throw new IOException("dockerd did not become ready; see " + LOG);
    }

    static boolean ready() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("docker", "version", "--format", "{{.Server.Version}}")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String tool) throws InterruptedException {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        if (pb.start().waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed");
        }
    }
}
