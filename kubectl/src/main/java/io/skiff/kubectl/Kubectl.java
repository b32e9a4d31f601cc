package io.skiff.kubectl;

import io.skiff.kubectl.cmd.AnnotateCommand;
import io.skiff.kubectl.cmd.ApiResourcesCommand;
import io.skiff.kubectl.cmd.ApplyCommand;
import io.skiff.kubectl.cmd.CreateCommand;
import io.skiff.kubectl.cmd.DeleteCommand;
import io.skiff.kubectl.cmd.DescribeCommand;
import io.skiff.kubectl.cmd.ExposeCommand;
import io.skiff.kubectl.cmd.GetCommand;
import io.skiff.kubectl.cmd.LabelCommand;
import io.skiff.kubectl.cmd.PatchCommand;
import io.skiff.kubectl.cmd.RunCommand;
import io.skiff.kubectl.cmd.ScaleCommand;
import io.skiff.kubectl.cmd.SetCommand;
import io.skiff.kubectl.cmd.AuthCommand;
import io.skiff.kubectl.cmd.ClusterInfoCommand;
import io.skiff.kubectl.cmd.CompletionCommand;
import io.skiff.kubectl.cmd.ExecCommand;
import io.skiff.kubectl.cmd.ExplainCommand;
import io.skiff.kubectl.cmd.LogsCommand;
import io.skiff.kubectl.cmd.RolloutCommand;
import io.skiff.kubectl.cmd.TopCommand;
import io.skiff.kubectl.cmd.VersionCommand;
import io.skiff.kubectl.cmd.WaitCommand;
import io.skiff.kubectl.config.ConfigCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The root command: global flags and the list of commands. */
@Command(name = "kubectl", description = "kubectl controls the Kubernetes cluster manager.",
        subcommands = {CreateCommand.class, ExposeCommand.class, RunCommand.class, SetCommand.class,
                ExplainCommand.class, GetCommand.class, DescribeCommand.class, DeleteCommand.class,
                RolloutCommand.class, ScaleCommand.class, ClusterInfoCommand.class, TopCommand.class,
                LogsCommand.class, ExecCommand.class, AuthCommand.class, ApplyCommand.class, PatchCommand.class,
                LabelCommand.class, AnnotateCommand.class, WaitCommand.class, CompletionCommand.class,
                ApiResourcesCommand.class, ConfigCommand.class, VersionCommand.class,
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
