package io.skiff.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.util.concurrent.Callable;

/** {@code skiff status}: what runs, and where. */
@Command(name = "status", description = "Show what runs.")
final class StatusCommand implements Callable<Integer> {
    @Option(names = "--data-dir")
    String dataDir;

    @Override
    public Integer call() throws Exception {
        SkiffHome home = SkiffHome.resolve(dataDir);
        var p = home.running("apiserver");
        if (p.isEmpty()) {
            System.out.println("apiserver: stopped");
            return 3;
        }
        String port = Files.exists(home.portFile()) ? Files.readString(home.portFile()).trim() : "?";
        boolean tls = Files.exists(home.dir().resolve("pki/apiserver.crt"));
        System.out.println("apiserver: running (pid " + p.get().pid() + ", " + (tls ? "https" : "http") + "://127.0.0.1:" + port + ")");
        home.running("agent").ifPresentOrElse(a -> System.out.println("node: running (pid " + a.pid() + ")"),
                () -> System.out.println("node: stopped"));
        System.out.println("kubeconfig: " + home.kubeconfig());
        return 0;
    }
}
