package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.print.GoJson;
import io.skiff.kubectl.print.TablePrinter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code label} and {@code annotate} share: {@code TYPE NAME key=value key-…} (or
 * {@code -l}/{@code --all}), an overwrite check, and a merge patch of the changed keys.
 */
abstract class MetadataCommand extends SessionCommand {
    @Parameters(arity = "1..*")
    List<String> args = new ArrayList<>();
    @Option(names = "--overwrite", description = "If true, allow labels/annotations to be overwritten.")
    boolean overwrite;
    @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
    String selector;
    @Option(names = "--all", description = "Select all resources, in the namespace of the specified resource types")
    boolean all;
    @Option(names = "--list", description = "If true, display the labels/annotations for a given resource.")
    boolean list;
    @Option(names = "--resource-version", description = "If non-empty, the update will only succeed if this is the current resource-version for the object.")
    String resourceVersion;

    MetadataCommand(Session s) {
        super(s);
    }

    /** "labels" or "annotations". */
    abstract String field();

    abstract String fieldManager();

    abstract String doneVerb(boolean onlyRemovals);

    abstract String unchangedVerb();

    @Override
    public Integer call() {
        List<String> resourceArgs = new ArrayList<>();
        Map<String, String> set = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        for (String a : args) {
            if (a.endsWith("-") && !a.contains("=")) {
                remove.add(a.substring(0, a.length() - 1));
            } else if (a.contains("=")) {
                set.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                resourceArgs.add(a);
            }
        }
        if (set.isEmpty() && remove.isEmpty() && !list) {
            throw new KubectlException("at least one " + field().substring(0, field().length() - 1) + " update is required");
        }
        for (ResourceArgs.Target t : ResourceArgs.parse(s, resourceArgs)) {
            ApiResource r = t.resource();
            String ns = r.namespaced() ? s.namespace() : null;
            List<JsonNode> objects = new ArrayList<>();
            if (t.names().isEmpty()) {
                if (selector == null && !all) {
                    throw new KubectlException("resource(s) were provided, but no name was specified");
                }
                s.client().get(new Query().add("labelSelector", selector).on(r.path(ns))).path("items").forEach(objects::add);
            } else {
                for (String n : t.names()) {
                    objects.add(s.client().get(r.path(ns, n)));
                }
            }
            for (JsonNode obj : objects) {
                update(r, ns, obj, set, remove);
            }
        }
        return 0;
    }

    private void update(ApiResource r, String ns, JsonNode obj, Map<String, String> set, List<String> remove) {
        String name = Objects.name(obj);
        JsonNode current = obj.path("metadata").path(field());
        if (list) {
            current.fields().forEachRemaining(e -> s.out.println(e.getKey() + "=" + e.getValue().asText()));
            return;
        }
        ObjectNode changes = Codec.object();
        for (Map.Entry<String, String> e : set.entrySet()) {
            JsonNode old = current.get(e.getKey());
            if (old != null && !overwrite && !old.asText().equals(e.getValue())) {
                throw new KubectlException("'" + e.getKey() + "' already has a value (" + old.asText() + "), and --overwrite is false");
            }
            if (old == null || !old.asText().equals(e.getValue())) {
                changes.put(e.getKey(), e.getValue());
            }
        }
        for (String k : remove) {
            if (current.has(k)) {
                changes.putNull(k);
            } else {
                s.err.println(field().equals("labels") ? "label \"" + k + "\" not found." : "annotation \"" + k + "\" not found.");
            }
        }
        if (changes.isEmpty()) {
            s.out.println(Objects.ref(r, name) + " " + unchangedVerb());
            return;
        }
        ObjectNode patch = Codec.object();
        ObjectNode meta = patch.putObject("metadata");
        meta.set(field(), changes);
        if (resourceVersion != null) {
            meta.put("resourceVersion", resourceVersion);
        }
        s.client().patch(new Query().add("fieldManager", fieldManager()).on(r.path(ns, name)), "application/merge-patch+json",
                GoJson.compact(patch).getBytes(StandardCharsets.UTF_8));
        boolean onlyRemovals = set.isEmpty();
        s.out.println(Objects.ref(r, name) + " " + doneVerb(onlyRemovals));
    }

    static String labels(JsonNode n) {
        return TablePrinter.labels(n);
    }
}
