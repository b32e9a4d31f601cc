package io.skiff.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code skiff}: brings a cluster up and down, and runs its components. */
@Command(name = "skiff", mixinStandardHelpOptions = true, version = "skiff 0.1.0",
        description = "A small Kubernetes-compatible orchestrator.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, ServerCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
