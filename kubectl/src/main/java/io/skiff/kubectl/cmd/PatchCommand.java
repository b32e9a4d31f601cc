package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.print.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]}. */
@Command(name = "patch", description = "Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.")
public final class PatchCommand extends SessionCommand {
    @Parameters(arity = "0..*")
    List<String> args = new ArrayList<>();
    @Option(names = {"-p", "--patch"}, description = "The patch to be applied to the resource JSON file.")
    String patch;
    @Option(names = "--patch-file", description = "A file containing a patch to be applied to the resource.")
    String patchFile;
    @Option(names = "--type", description = "The type of patch being provided; one of [json merge strategic]")
    String type = "strategic";
    @Option(names = "--subresource", description = "If specified, patch will operate on the subresource of the requested object.")
    String subresource;
    @Option(names = {"-f", "--filename"}, description = "Filename, directory, or URL to files identifying the resource to update")
    List<String> files;
    @Option(names = {"-o", "--output"}, description = "Output format.")
    String output;
    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "unchanged", description = "Must be \"none\", \"server\", or \"client\".")
    String dryRun = "none";

    public PatchCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() throws IOException {
        String body = patch != null ? patch : patchFile != null ? Files.readString(Path.of(patchFile)) : null;
        if (body == null) {
            throw new KubectlException("must specify --patch or --patch-file containing the contents of the patch");
        }
        String contentType = switch (type) {
            case "json" -> "application/json-patch+json";
            case "merge" -> "application/merge-patch+json";
            case "strategic" -> "application/strategic-merge-patch+json";
            default -> throw new KubectlException("--type must be one of [json merge strategic], not \"" + type + "\"");
        };
        // YAML patches are accepted and sent as JSON
        byte[] json = Codec.bytes(Codec.yaml().readTree(body));
        List<ResourceArgs.Target> targets = new ArrayList<>();
        if (files != null) {
            for (Manifests.Doc d : Manifests.read(s, files, false)) {
                targets.add(new ResourceArgs.Target(Objects.resource(s, d.object()), List.of(Objects.name(d.object()))));
            }
        } else {
            targets = ResourceArgs.parse(s, args);
        }
        for (ResourceArgs.Target t : targets) {
            ApiResource r = t.resource();
            String ns = r.namespaced() ? s.namespace() : null;
            for (String name : t.names()) {
                String path = r.path(ns, name) + (subresource == null ? "" : "/" + subresource);
                JsonNode before = s.client().get(path);
                JsonNode after = s.client().patch(new Query().add("dryRun", "server".equals(dryRun) ? "All" : null)
                        .add("fieldManager", "kubectl-patch").on(path), contentType, json);
                if (output != null) {
                    s.out.print(Output.of(output).print(after, List.of(r.kindPrefix()), false));
                } else {
                    boolean same = before.path("metadata").path("resourceVersion").equals(after.path("metadata").path("resourceVersion"));
                    s.out.println(Objects.ref(r, name) + " patched" + (same ? " (no change)" : ""));
                }
            }
        }
        return 0;
    }
}
