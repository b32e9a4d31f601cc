package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.apply.LastApplied;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.http.ApiException;
import io.skiff.kubectl.print.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code kubectl create -f FILE} and the generators under it ({@code create namespace|deployment|…}). */
@Command(name = "create", description = "Create a resource from a file or from stdin.",
        subcommands = {CreateGenerators.Namespace.class, CreateGenerators.Deployment.class, CreateGenerators.Service.class,
                CreateGenerators.ConfigMap.class, CreateGenerators.Secret.class})
public final class CreateCommand extends SessionCommand {
    @Option(names = {"-f", "--filename"}, description = "Filename, directory, or URL to files to use to create the resource")
    List<String> files = new ArrayList<>();
    @Option(names = {"-R", "--recursive"}, description = "Process the directory used in -f, --filename recursively.")
    boolean recursive;
    @Option(names = "--save-config", description = "If true, the configuration of current object will be saved in its annotation.")
    boolean saveConfig;
    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "unchanged", description = "Must be \"none\", \"server\", or \"client\".")
    String dryRun = "none";
    @Option(names = {"-o", "--output"}, description = "Output format.")
    String output;
    @Option(names = "--validate", arity = "0..1", fallbackValue = "strict", description = "Must be one of: strict (or true), warn, ignore (or false).")
    String validate = "strict";

    public CreateCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() {
        if (files.isEmpty()) {
            throw new KubectlException("must specify one of -f and -k");
        }
        int failures = 0;
        for (Manifests.Doc d : Manifests.read(s, files, recursive)) {
            ObjectNode obj = saveConfig ? LastApplied.annotate(d.object()) : d.object();
            ApiResource r = Objects.resource(s, obj);
            String ns = Objects.namespace(s, r, obj);
            try {
                JsonNode created = post(s, r, ns, obj, dryRun, validate);
                report(s, r, created == null ? obj : created, output, dryRun, "created");
            } catch (ApiException e) {
                failures++;
                s.err.println("Error from server" + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")") + ": error when creating \""
                        + d.source() + "\": " + e.getMessage());
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** POSTs with kubectl-create's query; null for a client dry run. */
    static JsonNode post(Session s, ApiResource r, String ns, JsonNode obj, String dryRun, String validate) {
        if ("client".equals(dryRun)) {
            return null;
        }
        String validation = switch (validate == null ? "strict" : validate.toLowerCase()) {
            case "false", "ignore" -> "Ignore";
            case "warn" -> "Warn";
            default -> "Strict";
        };
        return s.client().post(new Query().add("dryRun", "server".equals(dryRun) ? "All" : null)
                .add("fieldManager", "kubectl-create").add("fieldValidation", validation).on(r.path(ns)), obj);
    }

    static void report(Session s, ApiResource r, JsonNode obj, String output, String dryRun, String verb) {
        if (output != null && !output.isEmpty()) {
            s.out.print(Output.of(output).print(obj, List.of(r.kindPrefix()), false));
            return;
        }
        String suffix = "client".equals(dryRun) ? " (dry run)" : "server".equals(dryRun) ? " (server dry run)" : "";
        s.out.println(Objects.ref(r, Objects.name(obj)) + " " + verb + suffix);
    }
}
