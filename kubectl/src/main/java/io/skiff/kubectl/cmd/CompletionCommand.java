package io.skiff.kubectl.cmd;

import io.skiff.kubectl.KubectlException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kubectl completion bash|zsh}: Picocli's completion script (zsh loads it through bashcompinit). */
@Command(name = "completion", description = "Output shell completion code for the specified shell (bash or zsh).")
public final class CompletionCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "SHELL")
    String shell;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash("kubectl", root);
        switch (shell) {
            case "bash" -> spec.commandLine().getOut().print(script);
            case "zsh" -> spec.commandLine().getOut().print("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script);
            default -> throw new KubectlException("Unsupported shell type \"" + shell + "\".");
        }
        spec.commandLine().getOut().flush();
    }
}
