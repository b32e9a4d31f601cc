package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.http.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl delete}: by name, {@code -f}, {@code -l} or {@code --all}; one DELETE per
 * object with the propagation policy, then (unless {@code --wait=false}) waits until each
 * deleted object is gone.
 */
@Command(name = "delete", description = "Delete resources by file names, stdin, resources and names, or by resources and label selector.")
public final class DeleteCommand extends SessionCommand {
    @Parameters(arity = "0..*")
    List<String> args = new ArrayList<>();
    @Option(names = {"-f", "--filename"}, description = "containing the resource to delete.")
    List<String> files;
    @Option(names = {"-R", "--recursive"}, description = "Process the directory used in -f, --filename recursively.")
    boolean recursive;
    @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
    String selector;
    @Option(names = "--field-selector", description = "Selector (field query) to filter on.")
    String fieldSelector;
    @Option(names = "--all", description = "Delete all resources, in the namespace of the specified resource types.")
    boolean all;
    @Option(names = {"-A", "--all-namespaces"}, description = "If present, list the requested object(s) across all namespaces.")
    boolean allNamespaces;
    @Option(names = "--force", description = "If true, immediately remove resources from API and bypass graceful deletion.")
    boolean force;
    @Option(names = "--grace-period", description = "Period of time in seconds given to the resource to terminate gracefully.")
    int gracePeriod = -1;
    @Option(names = "--now", description = "If true, resources are signaled for immediate shutdown (same as --grace-period=1).")
    boolean now;
    @Option(names = "--cascade", arity = "0..1", fallbackValue = "background", description = "Must be \"background\", \"orphan\", or \"foreground\".")
    String cascade = "background";
    @Option(names = "--wait", arity = "0..1", fallbackValue = "true", description = "If true, wait for resources to be gone before returning.")
    boolean waitForDeletion = true;
    @Option(names = "--timeout", description = "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object")
    String timeout = "0s";
    @Option(names = "--ignore-not-found", description = "Treat \"resource not found\" as a successful delete.")
    boolean ignoreNotFound;
    @Option(names = {"-o", "--output"}, description = "Output mode. Use \"-o name\" for shorter output (resource/name).")
    String output;

    private boolean immediate;

    private record Deleted(ApiResource resource, String namespace, String name, String uid) {
    }

    public DeleteCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() throws Exception {
        JsonNode options = options();
        if (immediate) {
            s.err.println("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated."
                    + " The resource may continue to run on the cluster indefinitely.");
        }
        List<Deleted> deleted = new ArrayList<>();
        int failures = 0;
        if (files != null) {
            for (Manifests.Doc d : Manifests.read(s, files, recursive)) {
                ApiResource r = Objects.resource(s, d.object());
                String ns = Objects.namespace(s, r, d.object());
                try {
                    deleted.add(deleteOne(r, ns, Objects.name(d.object()), options));
                } catch (ApiException e) {
                    if (!(ignoreNotFound && e.isNotFound())) {
                        failures++;
                        s.err.println("Error from server (" + e.reason() + "): error when deleting \"" + d.source() + "\": " + e.getMessage());
                    }
                }
            }
        } else {
            if (args.isEmpty()) {
                throw new KubectlException("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n"
                        + "   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
            }
            boolean bySelector = selector != null || all || fieldSelector != null;
            List<ResourceArgs.Target> targets = ResourceArgs.parse(s, args);
            boolean any = false;
            for (ResourceArgs.Target t : targets) {
                ApiResource r = t.resource();
                String ns = r.namespaced() ? (allNamespaces ? null : s.namespace()) : null;
                List<String[]> names = new ArrayList<>();
                if (t.names().isEmpty()) {
                    if (!bySelector) {
                        throw new KubectlException("resource(s) were provided, but no name was specified");
                    }
                    JsonNode list = s.client().get(new Query().add("labelSelector", selector).add("fieldSelector", fieldSelector).on(r.path(ns)));
                    list.path("items").forEach(i -> names.add(new String[]{i.path("metadata").path("namespace").asText(null), Objects.name(i)}));
                } else {
                    t.names().forEach(n -> names.add(new String[]{ns, n}));
                }
                for (String[] n : names) {
                    any = true;
                    try {
                        deleted.add(deleteOne(r, r.namespaced() ? n[0] : null, n[1], options));
                    } catch (ApiException e) {
                        if (!(ignoreNotFound && e.isNotFound())) {
                            failures++;
                            s.err.println(e.display());
                        }
                    }
                }
            }
            if (!any && !ignoreNotFound) {
                s.err.println("No resources found"); // delete names no namespace, unlike get
            }
        }
        if (waitForDeletion && !(immediate) && !cascade.equals("orphan")) {
            Duration limit = Durations.parse(timeout).isZero() ? Duration.ofDays(7) : Durations.parse(timeout);
            Waiter w = new Waiter(s);
            for (Deleted d : deleted) {
                if (!w.await(d.resource(), d.namespace(), d.name(), d.uid(), o -> false, true, limit)) {
                    throw new KubectlException("timed out waiting for the condition on " + d.resource().qualified() + "/" + d.name());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private Deleted deleteOne(ApiResource r, String ns, String name, JsonNode options) {
        ApiClientReply reply = new ApiClientReply(s.client().delete(r.path(ns, name), options).json());
        String uid = reply.body().path("kind").asText().equals("Status") ? null : reply.body().path("metadata").path("uid").asText(null);
        if ("name".equals(output)) {
            s.out.println(Objects.ref(r, name));
        } else {
            s.out.println(r.kindPrefix() + " \"" + name + "\" " + (immediate ? "force deleted" : "deleted"));
        }
        s.out.flush();
        return new Deleted(r, ns, name, uid);
    }

    private record ApiClientReply(JsonNode body) {
    }

    private JsonNode options() {
        ObjectNode o = Codec.object();
        int grace = now ? 1 : gracePeriod;
        if (force && grace < 0) {
            grace = 0;
        } else if (grace == 0 && !force) {
            grace = 1; // without --force, zero means "as soon as possible", as kubectl maps it
        }
        immediate = force && grace == 0;
        if (grace >= 0) {
            o.put("gracePeriodSeconds", grace);
        }
        o.put("propagationPolicy", switch (cascade.toLowerCase()) {
            case "true", "background" -> "Background";
            case "false", "orphan" -> "Orphan";
            case "foreground" -> "Foreground";
            default -> throw new KubectlException("invalid cascade value (" + cascade + "). Must be \"background\", \"foreground\", or \"orphan\".");
        });
        return o;
    }

    private static final class Durations {
        static Duration parse(String s) {
            return io.skiff.kubectl.Durations.parse(s);
        }
    }
}
