package io.skiff.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code skiff down}: stops what {@code skiff up} started, by PID. Data stays for the next {@code up}. */
@Command(name = "down", description = "Stop the cluster started by 'skiff up' (data is kept).")
final class DownCommand implements Callable<Integer> {
    @Option(names = "--data-dir")
    String dataDir;

    @Override
    public Integer call() throws Exception {
        SkiffHome home = SkiffHome.resolve(dataDir);
        LocalNode.stop(home);
        Optional<ProcessHandle> p = home.running("apiserver");
        if (p.isEmpty()) {
            System.out.println("• API server is not running");
        } else {
            ProcessHandle h = p.get();
            h.destroy();
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
            }
            System.out.println("✓ Stopped the API server (pid " + h.pid() + ")");
        }
        Files.deleteIfExists(home.pidFile("apiserver"));
        Files.deleteIfExists(home.portFile());
        return 0;
    }
}
