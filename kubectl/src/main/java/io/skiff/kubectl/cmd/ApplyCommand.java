package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.apply.LastApplied;
import io.skiff.kubectl.apply.ThreeWayPatch;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.http.ApiException;
import io.skiff.kubectl.print.GoJson;
import io.skiff.kubectl.print.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl apply -f}: client-side apply (GET; absent → POST with the last-applied
 * annotation; present → three-way strategic merge PATCH, or nothing when the patch is empty),
 * or {@code --server-side} (one apply PATCH per object).
 */
@Command(name = "apply", description = "Apply a configuration to a resource by file name or stdin.")
public final class ApplyCommand extends SessionCommand {
    @Option(names = {"-f", "--filename"}, description = "The files that contain the configurations to apply.")
    List<String> files = new ArrayList<>();
    @Option(names = {"-R", "--recursive"}, description = "Process the directory used in -f, --filename recursively.")
    boolean recursive;
    @Option(names = "--server-side", description = "If true, apply runs in the server instead of the client.")
    boolean serverSide;
    @Option(names = "--force-conflicts", description = "If true, server-side apply will force the changes against conflicts.")
    boolean forceConflicts;
    @Option(names = "--field-manager", description = "Name of the manager used to track field ownership.")
    String fieldManager;
    @Option(names = "--validate", arity = "0..1", fallbackValue = "strict", description = "Must be one of: strict (or true), warn, ignore (or false).")
    String validate = "strict";
    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "unchanged", description = "Must be \"none\", \"server\", or \"client\".")
    String dryRun = "none";
    @Option(names = {"-o", "--output"}, description = "Output format.")
    String output;
    @Option(names = "--record", hidden = true, description = "Record current kubectl command in the resource annotation (deprecated).")
    boolean record;

    /** What the current object's request was doing, for error messages. */
    private String phase;

    public ApplyCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() {
        List<Manifests.Doc> docs = Manifests.read(s, files, recursive);
        int failures = 0;
        for (Manifests.Doc d : docs) {
            phase = "retrieving current configuration of";
            try {
                applyOne(d.object());
            } catch (ApiException e) {
                failures++;
                s.err.println("Error from server" + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")") + ": error when "
                        + phase + " \"" + d.source() + "\": " + e.getMessage());
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private void applyOne(ObjectNode manifest) {
        ApiResource r = Objects.resource(s, manifest);
        String ns = Objects.namespace(s, r, manifest);
        String name = Objects.name(manifest);
        String validation = switch (validate.toLowerCase()) {
            case "false", "ignore" -> "Ignore";
            case "warn" -> "Warn";
            default -> "Strict";
        };
        String dry = dryRunQuery();
        if (serverSide) {
            phase = "applying";
            String q = new Query().add("dryRun", dry).add("fieldManager", fieldManager == null ? "kubectl" : fieldManager)
                    .add("fieldValidation", validation).add("force", Boolean.toString(forceConflicts)).on(r.path(ns, name));
            JsonNode result = s.client().patch(q, "application/apply-patch+yaml", GoJson.compact(manifest).getBytes(StandardCharsets.UTF_8));
            print(r, result, name, "serverside-applied");
            return;
        }
        ObjectNode modified = LastApplied.annotate(manifest);
        JsonNode current = s.client().getOrNull(r.path(ns, name));
        String manager = fieldManager == null ? "kubectl-client-side-apply" : fieldManager;
        if (current == null) {
            if (dryRun.equals("client")) {
                print(r, modified, name, "created");
                return;
            }
            phase = "creating";
            JsonNode created = s.client().post(new Query().add("dryRun", dry).add("fieldManager", manager)
                    .add("fieldValidation", validation).on(r.path(ns)), modified);
            print(r, created, name, "created");
            return;
        }
        JsonNode original = LastApplied.of(current);
        if (original == null) {
            s.err.println("Warning: resource " + r.qualified() + "/" + name + " is missing the " + LastApplied.ANNOTATION
                    + " annotation which is required by kubectl apply. kubectl apply should only be used on resources created"
                    + " declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.");
        }
        ObjectNode patch = ThreeWayPatch.compute(original, current, modified, Objects.schema(r));
        if (patch.isEmpty()) {
            print(r, current, name, "unchanged");
            return;
        }
        if (dryRun.equals("client")) {
            print(r, current, name, "configured");
            return;
        }
        phase = "patching";
        JsonNode patched = s.client().patch(new Query().add("dryRun", dry).add("fieldManager", manager).add("fieldValidation", validation)
                .on(r.path(ns, name)), "application/strategic-merge-patch+json", GoJson.compact(patch).getBytes(StandardCharsets.UTF_8));
        print(r, patched, name, "configured");
    }

    private String dryRunQuery() {
        return switch (dryRun) {
            case "server" -> "All";
            case "none", "client", "unchanged" -> null;
            default -> throw new KubectlException("Invalid dry-run value (" + dryRun + "). Must be \"none\", \"server\", or \"client\".");
        };
    }

    private void print(ApiResource r, JsonNode obj, String name, String verb) {
        if (output != null && !output.isEmpty()) {
            s.out.print(Output.of(output).print(obj, List.of(r.kindPrefix()), false));
            return;
        }
        String suffix = switch (dryRun) {
            case "client" -> " (dry run)";
            case "server" -> " (server dry run)";
            default -> "";
        };
        s.out.println(Objects.ref(r, name) + " " + verb + suffix);
    }
}
