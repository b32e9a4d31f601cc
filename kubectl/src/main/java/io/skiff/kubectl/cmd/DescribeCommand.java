package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.describe.Describer;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.http.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl describe TYPE [NAME_PREFIX…]}: each object's description, two blank lines
 * apart; a name that is not found exactly describes the objects whose names start with it.
 */
@Command(name = "describe", description = "Show details of a specific resource or group of resources.")
public final class DescribeCommand extends SessionCommand {
    @Parameters(arity = "0..*")
    List<String> args = new ArrayList<>();
    @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
    String selector;
    @Option(names = {"-A", "--all-namespaces"}, description = "If present, list the requested object(s) across all namespaces.")
    boolean allNamespaces;
    @Option(names = {"-f", "--filename"}, description = "Filename, directory, or URL to files containing the resource to describe")
    List<String> files;
    @Option(names = "--show-events", arity = "0..1", fallbackValue = "true", description = "If true, display events related to the described object.")
    boolean showEvents = true;

    public DescribeCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() {
        List<JsonNode> objects = new ArrayList<>();
        List<JsonNode> byPrefix = new ArrayList<>(); // kubectl prints these each followed by a newline
        List<ApiException> errors = new ArrayList<>();
        List<ResourceArgs.Target> targets = new ArrayList<>();
        if (files != null) {
            for (Manifests.Doc d : Manifests.read(s, files, false)) {
                ApiResource r = Objects.resource(s, d.object());
                targets.add(new ResourceArgs.Target(r, List.of(Objects.name(d.object()))));
            }
        } else {
            if (args.isEmpty()) {
                throw new KubectlException("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.");
            }
            targets = ResourceArgs.parse(s, args);
        }
        String ns = allNamespaces ? null : s.namespace();
        boolean anyNamespaced = false;
        for (ResourceArgs.Target t : targets) {
            ApiResource r = t.resource();
            anyNamespaced |= r.namespaced();
            String where = r.namespaced() ? ns : null;
            if (t.names().isEmpty()) {
                s.client().get(new Query().add("labelSelector", selector).on(r.path(where))).path("items").forEach(i -> objects.add(withKind(i, r)));
                continue;
            }
            for (String name : t.names()) {
                try {
                    objects.add(s.client().get(r.path(where, name)));
                } catch (ApiException e) {
                    if (!e.isNotFound()) {
                        throw e;
                    }
                    List<JsonNode> prefixed = new ArrayList<>();
                    s.client().get(r.path(where)).path("items").forEach(i -> {
                        if (Objects.name(i).startsWith(name)) {
                            prefixed.add(withKind(i, r));
                        }
                    });
                    if (prefixed.isEmpty()) {
                        errors.add(e);
                    }
                    objects.addAll(prefixed);
                    byPrefix.addAll(prefixed);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (JsonNode o : objects) {
            String text = Describer.of(o.path("kind").asText()).describe(s, o);
            if (byPrefix.contains(o)) {
                sb.append(text).append('\n');
                continue;
            }
            if (!first) {
                sb.append("\n\n");
            }
            first = false;
            sb.append(text);
        }
        s.out.print(sb);
        s.out.flush();
        if (objects.isEmpty() && errors.isEmpty()) {
            s.err.println(ns != null && anyNamespaced ? "No resources found in " + ns + " namespace." : "No resources found");
        }
        errors.forEach(e -> s.err.println(e.display()));
        return errors.isEmpty() ? 0 : 1;
    }

    private static JsonNode withKind(JsonNode item, ApiResource r) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) item).put("kind", r.kind()).put("apiVersion", r.groupVersion());
        return item;
    }
}
