package io.skiff.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The data directory ($SKIFF_HOME, default ~/.skiff): store, kubeconfig, logs and PID files. */
record SkiffHome(Path dir) {

    static SkiffHome resolve(String override) {
        if (override != null && !override.isEmpty()) {
            return new SkiffHome(Path.of(override).toAbsolutePath());
        }
        String env = System.getenv("SKIFF_HOME");
        if (env != null && !env.isEmpty()) {
            return new SkiffHome(Path.of(env).toAbsolutePath());
        }
        return new SkiffHome(Path.of(System.getProperty("user.home"), ".skiff"));
    }

    Path kubeconfig() {
        return dir.resolve("kubeconfig");
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path pidFile(String component) {
        return dir.resolve(component + ".pid");
    }

    Path portFile() {
        return dir.resolve("apiserver.port");
    }

    Optional<ProcessHandle> running(String component) {
        try {
            Path pid = pidFile(component);
            if (!Files.exists(pid)) {
                return Optional.empty();
            }
            long value = Long.parseLong(Files.readString(pid).trim());
            return ProcessHandle.of(value).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void create() throws IOException {
        Files.createDirectories(logs());
    }
}
