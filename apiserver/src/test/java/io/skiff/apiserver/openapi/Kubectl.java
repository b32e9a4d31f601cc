package io.skiff.apiserver.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code /usr/bin/kubectl} against a test server with its own HOME, kubeconfig and cache
 * directory, so that nothing is read from or left in the user's ~/.kube.
 */
final class Kubectl {
    static final Path BINARY = Path.of("/usr/bin/kubectl");

    /** What one kubectl run printed, and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final Path home;
    private final Path kubeconfig;

    Kubectl(Path home, String serverUrl) throws IOException {
        this.home = home;
        this.kubeconfig = home.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: skiff
                  cluster:
                    server: %s
                users:
                - name: tester
                  user: {}
                contexts:
                - name: skiff
                  context: {cluster: skiff, user: tester, namespace: default}
                current-context: skiff
                """.formatted(serverUrl));
    }

    /** Writes a manifest into the scratch home and returns its path. */
    Path file(String name, String content) throws IOException {
        return Files.writeString(home.resolve(name), content);
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", home.resolve("cache").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("stdout").toFile())
                .redirectError(home.resolve("stderr").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 120s");
        }
        return new Result(process.exitValue(), Files.readString(home.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("stderr"), StandardCharsets.UTF_8));
    }
}
