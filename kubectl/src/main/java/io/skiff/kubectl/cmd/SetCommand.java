package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.apply.ThreeWayPatch;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.print.GoJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubectl set image TYPE/NAME container=image …} (the one {@code set} subcommand tutorials use). */
@Command(name = "set", description = "Configure application resources.", subcommands = SetCommand.Image.class)
public final class SetCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "image", description = "Update the image of a pod template.")
    public static final class Image extends SessionCommand {
        @Parameters(arity = "1..*")
        List<String> args = new ArrayList<>();

        public Image(Session s) {
            super(s);
        }

        @Override
        public Integer call() {
            List<String> resources = new ArrayList<>();
            Map<String, String> images = new LinkedHashMap<>();
            for (String a : args) {
                if (a.contains("=")) {
                    images.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                } else {
                    resources.add(a);
                }
            }
            if (images.isEmpty()) {
                throw new KubectlException("at least one image update is required");
            }
            for (ResourceArgs.Target t : ResourceArgs.parse(s, resources)) {
                ApiResource r = t.resource();
                String ns = r.namespaced() ? s.namespace() : null;
                for (String name : t.names()) {
                    JsonNode current = s.client().get(r.path(ns, name));
                    ObjectNode modified = current.deepCopy();
                    JsonNode podSpec = r.kind().equals("Pod") ? modified.path("spec") : modified.path("spec").path("template").path("spec");
                    for (Map.Entry<String, String> e : images.entrySet()) {
                        boolean found = false;
                        for (String list : List.of("initContainers", "containers")) {
                            for (JsonNode c : podSpec.path(list)) {
                                if (e.getKey().equals("*") || e.getKey().equals(c.path("name").asText())) {
                                    ((ObjectNode) c).put("image", e.getValue());
                                    found = true;
                                }
                            }
                        }
                        if (!found) {
                            throw new KubectlException("unable to find container named \"" + e.getKey() + "\"");
                        }
                    }
                    ObjectNode patch = ThreeWayPatch.compute(null, current, modified, Objects.schema(r));
                    if (!patch.isEmpty()) {
                        s.client().patch(new Query().add("fieldManager", "kubectl-set").on(r.path(ns, name)),
                                "application/strategic-merge-patch+json", GoJson.compact(patch).getBytes(StandardCharsets.UTF_8));
                    }
                    s.out.println(Objects.ref(r, name) + " image updated");
                }
            }
            return 0;
        }
    }
}
