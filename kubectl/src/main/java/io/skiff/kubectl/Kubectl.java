package io.skiff.kubectl;

import io.skiff.kubectl.cmd.AnnotateCommand;
import io.skiff.kubectl.cmd.ApiResourcesCommand;
import io.skiff.kubectl.cmd.ApplyCommand;
import io.skiff.kubectl.cmd.CreateCommand;
import io.skiff.kubectl.cmd.DeleteCommand;
import io.skiff.kubectl.cmd.DescribeCommand;
import io.skiff.kubectl.cmd.EditCommand;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The root command: global flags and the commands. Only the command being run is registered
 * (Picocli reflects over every registered command at start-up, ~80 ms for all of them);
 * help, completion and unknown names get the full list.
 */
@Command(name = "kubectl", description = "kubectl controls the Kubernetes cluster manager.")
public final class Kubectl implements Runnable {
    /** Every command by name, in kubectl's help order; classes load only when needed. */
    static final Map<String, Supplier<Class<?>>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("create", () -> CreateCommand.class);
        COMMANDS.put("expose", () -> ExposeCommand.class);
        COMMANDS.put("run", () -> RunCommand.class);
        COMMANDS.put("set", () -> SetCommand.class);
        COMMANDS.put("explain", () -> ExplainCommand.class);
        COMMANDS.put("get", () -> GetCommand.class);
        COMMANDS.put("describe", () -> DescribeCommand.class);
        COMMANDS.put("delete", () -> DeleteCommand.class);
        COMMANDS.put("edit", () -> EditCommand.class);
        COMMANDS.put("rollout", () -> RolloutCommand.class);
        COMMANDS.put("scale", () -> ScaleCommand.class);
        COMMANDS.put("cluster-info", () -> ClusterInfoCommand.class);
        COMMANDS.put("top", () -> TopCommand.class);
        COMMANDS.put("logs", () -> LogsCommand.class);
        COMMANDS.put("exec", () -> ExecCommand.class);
        COMMANDS.put("auth", () -> AuthCommand.class);
        COMMANDS.put("apply", () -> ApplyCommand.class);
        COMMANDS.put("patch", () -> PatchCommand.class);
        COMMANDS.put("label", () -> LabelCommand.class);
        COMMANDS.put("annotate", () -> AnnotateCommand.class);
        COMMANDS.put("wait", () -> WaitCommand.class);
        COMMANDS.put("completion", () -> CompletionCommand.class);
        COMMANDS.put("api-resources", () -> ApiResourcesCommand.class);
        COMMANDS.put("config", () -> ConfigCommand.class);
        COMMANDS.put("version", () -> VersionCommand.class);
        COMMANDS.put("help", () -> CommandLine.HelpCommand.class);
    }

    /** Global options that take a value, to find the command word in {@code args}. */
    private static final Set<String> VALUED = Set.of("--kubeconfig", "--context", "--cluster", "--user", "-s", "--server",
            "--token", "-n", "--namespace", "--certificate-authority", "--client-certificate", "--client-key",
            "--tls-server-name", "--username", "--password", "--cache-dir", "--request-timeout", "-v", "--v");

    /** The commands to register for this command line. */
    static List<Class<?>> needed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (VALUED.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                Supplier<Class<?>> c = COMMANDS.get(a);
                return c == null || a.equals("help") || a.equals("completion") ? all() : List.of(c.get());
            }
        }
        return all();
    }

    private static List<Class<?>> all() {
        List<Class<?>> out = new ArrayList<>();
        COMMANDS.values().forEach(c -> out.add(c.get()));
        return out;
    }

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
