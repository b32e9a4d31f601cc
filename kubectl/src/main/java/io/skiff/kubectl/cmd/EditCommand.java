package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.apply.ThreeWayPatch;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.print.GoJson;
import io.skiff.kubectl.print.GoYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl edit TYPE NAME}: the object as YAML in {@code $KUBE_EDITOR}/{@code $EDITOR}
 * (default vi), then a strategic merge patch of what changed (removed fields become null).
 */
@Command(name = "edit", description = "Edit a resource on the server.")
public final class EditCommand extends SessionCommand {
    private static final String HEADER = "# Please edit the object below. Lines beginning with a '#' will be ignored,\n"
            + "# and an empty file will abort the edit. If an error occurs while saving this file will be\n"
            + "# reopened with the relevant failures.\n#\n";
    @Parameters(arity = "1..2")
    List<String> args = new ArrayList<>();
    @Option(names = {"-o", "--output"}, description = "Output format. One of: (json, yaml).")
    String output = "yaml";

    public EditCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() throws Exception {
        ResourceArgs.Target t = ResourceArgs.parse(s, args).get(0);
        if (t.names().size() != 1) {
            throw new KubectlException("edit needs one resource name");
        }
        ApiResource r = t.resource();
        String ns = r.namespaced() ? s.namespace() : null;
        String name = t.names().get(0);
        JsonNode current = s.client().get(r.path(ns, name));
        Path file = Files.createTempFile("kubectl-edit-", "json".equals(output) ? ".json" : ".yaml");
        try {
            String text = HEADER + ("json".equals(output) ? GoJson.indent(current) + "\n" : GoYaml.write(current));
            Files.writeString(file, text);
            String editor = s.env.getOrDefault("KUBE_EDITOR", s.env.getOrDefault("EDITOR", "vi"));
            Process p = new ProcessBuilder("sh", "-c", editor + " \"$0\"", file.toString())
                    .redirectInput(new File("/dev/tty").exists() && System.console() != null ? ProcessBuilder.Redirect.from(new File("/dev/tty")) : ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0) {
                throw new KubectlException("there was a problem with the editor \"" + editor + "\"");
            }
            StringBuilder kept = new StringBuilder();
            for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.startsWith("#")) {
                    kept.append(line).append('\n');
                }
            }
            if (kept.toString().isBlank()) {
                s.out.println("Edit cancelled, no changes made.");
                return 0;
            }
            JsonNode edited = Codec.yaml().readTree(kept.toString());
            if (!(edited instanceof ObjectNode o) || edited.equals(current)) {
                s.out.println("Edit cancelled, no changes made.");
                return 0;
            }
            ObjectNode patch = ThreeWayPatch.compute(current, current, o, Objects.schema(r));
            if (patch.isEmpty()) {
                s.out.println("Edit cancelled, no changes made.");
                return 0;
            }
            s.client().patch(new Query().add("fieldManager", "kubectl-edit").on(r.path(ns, name)), "application/strategic-merge-patch+json",
                    GoJson.compact(patch).getBytes(StandardCharsets.UTF_8));
            s.out.println(Objects.ref(r, name) + " edited");
            return 0;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
