package io.skiff.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff}: brings a cluster up and down, and runs its components. */
@Command(name = "skiff", mixinStandardHelpOptions = true, version = "skiff 0.1.0",
        description = "A small Kubernetes-compatible orchestrator.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, ServerCommand.class, ImagesCommand.class, AgentCommand.class})
public final class Main implements Runnable {
    @Option(names = "--v", description = "Log verbosity as in Kubernetes: 0-3 info, 4-5 debug, 6+ trace.", scope = CommandLine.ScopeType.INHERIT)
    int verbosity;

    public static void main(String[] args) {
        LogLevels.configure(args);
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
