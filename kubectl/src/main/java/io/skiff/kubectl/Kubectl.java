package io.skiff.kubectl;

import io.skiff.kubectl.cmd.ApiResourcesCommand;
import io.skiff.kubectl.cmd.GetCommand;
import io.skiff.kubectl.cmd.VersionCommand;
import io.skiff.kubectl.config.ConfigCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The root command: global flags and the list of commands. */
@Command(name = "kubectl", description = "kubectl controls the Kubernetes cluster manager.",
        subcommands = {GetCommand.class, VersionCommand.class, ApiResourcesCommand.class, ConfigCommand.class,
                CommandLine.HelpCommand.class})
public final class Kubectl implements Runnable {
    private final Session session;
    @Mixin
    GlobalOptions global;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public Kubectl(Session session) {
        this.session = session;
        this.global = session.global;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
