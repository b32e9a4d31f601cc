package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code kubectl scale}: a merge patch of {@code spec.replicas} on the {@code scale} subresource. */
@Command(name = "scale", description = "Set a new size for a deployment, replica set, replication controller, or stateful set.")
public final class ScaleCommand extends SessionCommand {
    @Parameters(arity = "0..*")
    List<String> args = new ArrayList<>();
    @Option(names = "--replicas", required = true, description = "The new desired number of replicas.")
    int replicas;
    @Option(names = "--current-replicas", description = "Precondition for current size.")
    int currentReplicas = -1;
    @Option(names = {"-f", "--filename"}, description = "Filename, directory, or URL to files identifying the resource to set a new size")
    List<String> files;

    public ScaleCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() {
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
            if (!r.subresources().contains("scale")) {
                throw new KubectlException("no scaler has been implemented for {\"" + r.group() + "\" \"" + r.kind() + "\"}");
            }
            if (t.names().isEmpty()) {
                throw new KubectlException("resource(s) were provided, but no name was specified");
            }
            String ns = r.namespaced() ? s.namespace() : null;
            for (String name : t.names()) {
                JsonNode obj;
                try {
                    obj = s.client().get(r.path(ns, name));
                } catch (io.skiff.kubectl.http.ApiException e) {
                    throw new KubectlException("no objects passed to scale " + e.getMessage());
                }
                if (currentReplicas >= 0 && obj.path("spec").path("replicas").asInt() != currentReplicas) {
                    throw new KubectlException("Expected replicas to be " + currentReplicas + ", was " + obj.path("spec").path("replicas").asInt());
                }
                s.client().patch(r.path(ns, name) + "/scale", "application/merge-patch+json",
                        ("{\"spec\":{\"replicas\":" + replicas + "}}").getBytes(StandardCharsets.UTF_8));
                s.out.println(Objects.ref(r, name) + " scaled");
            }
        }
        return 0;
    }
}
