package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.http.ApiClient;
import io.skiff.kubectl.http.ApiException;
import io.skiff.kubectl.print.JsonPath;
import io.skiff.kubectl.print.Output;
import io.skiff.kubectl.print.TabWriter;
import io.skiff.kubectl.print.TablePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code kubectl get}: server-side Tables for human output (one request per type), plain JSON
 * objects for {@code -o json|yaml|name|jsonpath|go-template|custom-columns}, and {@code -w}.
 */
@Command(name = "get", description = "Display one or many resources.")
public final class GetCommand extends SessionCommand {
    @Parameters(arity = "0..*", paramLabel = "TYPE[.VERSION][.GROUP] [NAME]")
    List<String> args = new ArrayList<>();
    @Option(names = {"-o", "--output"}, description = "Output format.")
    String output;
    @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
    String selector;
    @Option(names = "--field-selector", description = "Selector (field query) to filter on.")
    String fieldSelector;
    @Option(names = {"-A", "--all-namespaces"}, description = "List the requested object(s) across all namespaces.")
    boolean allNamespaces;
    @Option(names = "--show-labels", description = "When printing, show all labels as the last column.")
    boolean showLabels;
    @Option(names = {"-L", "--label-columns"}, split = ",", description = "Labels to show as columns.")
    List<String> labelColumns = new ArrayList<>();
    @Option(names = {"-w", "--watch"}, description = "After listing/getting the requested object, watch for changes.")
    boolean watch;
    @Option(names = "--watch-only", description = "Watch for changes to the requested object(s), without listing/getting first.")
    boolean watchOnly;
    @Option(names = "--sort-by", description = "Sort list types using this field specification (a JSONPath expression).")
    String sortBy;
    @Option(names = "--no-headers", description = "When using the default or custom-column output format, don't print headers.")
    boolean noHeaders;
    @Option(names = "--ignore-not-found", description = "If the requested object does not exist the command will return exit code 0.")
    boolean ignoreNotFound;
    @Option(names = "--show-kind", description = "If present, list the resource type for the requested object(s).")
    boolean showKind;
    @Option(names = {"-f", "--filename"}, description = "Filename, directory, or URL to files identifying the resource to get.")
    List<String> files;
    @Option(names = "--chunk-size", description = "Return large lists in chunks rather than all at once.")
    int chunkSize = 500;

    public GetCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() throws Exception {
        if (files == null && args.isEmpty()) {
            s.err.println("You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n");
            throw new KubectlException("error: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that"
                    + " resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples");
        }
        List<ResourceArgs.Target> targets = files != null ? fromFiles() : ResourceArgs.parse(s, args);
        String ns = allNamespaces ? null : s.namespace();
        if (!Output.isTable(output)) {
            return machine(targets, ns);
        }
        TablePrinter.Options base = new TablePrinter.Options("wide".equals(output), allNamespaces, showLabels, labelColumns, null, noHeaders);
        List<ApiException> errors = new ArrayList<>();
        List<Object[]> results = new ArrayList<>(); // {resource, table, rows}
        java.util.Set<String> answered = new java.util.HashSet<>(); // types with a list or an object returned
        JsonNode watchTable = null;
        for (ResourceArgs.Target t : targets) {
            ApiResource r = t.resource();
            List<JsonNode> rows = new ArrayList<>();
            JsonNode table = null;
            if (t.names().isEmpty()) {
                try {
                    table = s.client().get(listQuery(r, ns, true, null), ApiClient.TABLE);
                } catch (ApiException e) {
                    errors.add(e); // kubectl goes on with the other types
                    continue;
                }
                table.path("rows").forEach(rows::add);
                answered.add(r.qualified());
            } else {
                for (String name : t.names()) {
                    try {
                        JsonNode one = s.client().get(r.path(r.namespaced() ? s.namespace() : null, name), ApiClient.TABLE);
                        table = table == null ? one : table;
                        one.path("rows").forEach(rows::add);
                        answered.add(r.qualified());
                    } catch (ApiException e) {
                        if (!(ignoreNotFound && e.isNotFound())) {
                            errors.add(e);
                        }
                    }
                }
            }
            if (sortBy != null) {
                sort(rows);
            }
            watchTable = table;
            if (table != null && !rows.isEmpty()) {
                results.add(new Object[]{r, table, rows});
            }
        }
        // the kind prefix appears when the server answered for several types (an empty list counts)
        boolean multi = answered.size() > 1 || showKind;
        boolean printedAny = false;
        StringBuilder sb = new StringBuilder();
        for (Object[] res : results) {
            ApiResource r = (ApiResource) res[0];
            @SuppressWarnings("unchecked")
            List<JsonNode> rows = (List<JsonNode>) res[2];
            if (printedAny) {
                sb.append('\n');
            }
            TabWriter tw = new TabWriter(sb);
            new TablePrinter(multi ? base.withKindPrefix(r.kindPrefix()) : base).print((JsonNode) res[1], rows, tw);
            tw.flush();
            printedAny = true;
        }
        s.out.print(sb);
        s.out.flush();
        if (!printedAny && errors.isEmpty() && !watch) {
            noResources(targets, ns);
        }
        for (ApiException e : errors) {
            s.err.println(e.display());
        }
        if (watch || watchOnly) {
            if (targets.size() != 1) {
                throw new KubectlException("you may only specify a single resource type");
            }
            watchTables(targets.get(0), ns, watchTable, base);
        }
        return errors.isEmpty() ? 0 : 1;
    }

    private void noResources(List<ResourceArgs.Target> targets, String ns) {
        boolean namespaced = targets.stream().anyMatch(t -> t.resource().namespaced());
        if (ns != null && namespaced) {
            s.err.println("No resources found in " + ns + " namespace.");
        } else {
            s.err.println("No resources found");
        }
    }

    private String listQuery(ApiResource r, String ns, boolean table, String resourceVersion) {
        Query q = new Query().add("labelSelector", selector).add("fieldSelector", fieldSelector);
        if (table && sortBy != null) {
            q.add("includeObject", "Object");
        } else if (chunkSize > 0) {
            q.add("limit", Integer.toString(chunkSize));
        }
        q.add("resourceVersion", resourceVersion);
        return q.on(r.path(r.namespaced() ? ns : null));
    }

    private void sort(List<JsonNode> rows) {
        Comparator<JsonNode> byField = (a, b) -> compare(sortKey(a), sortKey(b));
        rows.sort(byField);
    }

    private JsonNode sortKey(JsonNode row) {
        List<JsonNode> v = JsonPath.select(sortBy, row.path("object"));
        return v.isEmpty() ? null : v.get(0);
    }

    static int compare(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble());
        }
        return JsonPath.text(a).compareTo(JsonPath.text(b));
    }

    private int machine(List<ResourceArgs.Target> targets, String ns) throws IOException {
        Output out = Output.of(output);
        List<JsonNode> items = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<ApiException> errors = new ArrayList<>();
        boolean single = targets.size() == 1 && targets.get(0).names().size() == 1;
        for (ResourceArgs.Target t : targets) {
            ApiResource r = t.resource();
            if (t.names().isEmpty()) {
                JsonNode list = s.client().get(listQuery(r, ns, false, null));
                for (JsonNode item : list.path("items")) {
                    ObjectNode o = (ObjectNode) item;
                    if (!o.has("kind")) {
                        o.put("kind", r.kind());
                    }
                    if (!o.has("apiVersion")) {
                        o.put("apiVersion", r.groupVersion());
                    }
                    items.add(o);
                    prefixes.add(r.kindPrefix());
                }
            } else {
                for (String name : t.names()) {
                    try {
                        items.add(s.client().get(r.path(r.namespaced() ? s.namespace() : null, name)));
                        prefixes.add(r.kindPrefix());
                    } catch (ApiException e) {
                        if (!(ignoreNotFound && e.isNotFound())) {
                            errors.add(e);
                        }
                    }
                }
            }
        }
        if (sortBy != null) {
            items.sort((a, b) -> compare(first(a), first(b)));
        }
        if (single && items.size() == 1) {
            s.out.print(out.print(items.get(0), prefixes, noHeaders));
        } else if (!items.isEmpty() || !out.format().equals("name") && errors.isEmpty() && !out.format().equals("custom-columns")) {
            if (items.isEmpty() && !out.format().matches("json|yaml")) {
                noResources(targets, ns);
            } else {
                ObjectNode list = Codec.object();
                list.put("apiVersion", "v1");
                ArrayNode a = list.putArray("items");
                items.forEach(a::add);
                list.put("kind", "List");
                list.putObject("metadata").put("resourceVersion", "");
                s.out.print(out.print(list, prefixes, noHeaders));
            }
        } else if (errors.isEmpty()) {
            noResources(targets, ns);
        }
        s.out.flush();
        for (ApiException e : errors) {
            s.err.println(e.display());
        }
        if (watch || watchOnly) {
            watchObjects(targets.get(0), ns, out, prefixes);
        }
        return errors.isEmpty() ? 0 : 1;
    }

    private JsonNode first(JsonNode item) {
        List<JsonNode> v = JsonPath.select(sortBy, item);
        return v.isEmpty() ? null : v.get(0);
    }

    /** Each event's one-row Table is laid out on its own, as kubectl flushes per event. */
    private void watchTables(ResourceArgs.Target t, String ns, JsonNode listed, TablePrinter.Options base) throws IOException {
        ApiResource r = t.resource();
        String rv = listed == null ? null : listed.path("metadata").path("resourceVersion").asText(null);
        Query q = new Query().add("labelSelector", selector).add("fieldSelector", watchFieldSelector(t));
        q.add("resourceVersion", watchOnly ? null : rv).add("watch", "true");
        boolean header = listed == null || listed.path("rows").isEmpty();
        // rows line up with everything printed before them, as kubectl's watch output does
        List<List<String>> printed = new ArrayList<>();
        if (listed != null && !listed.path("rows").isEmpty()) {
            TablePrinter first = new TablePrinter(base);
            if (!noHeaders) {
                printed.add(first.header(listed));
            }
            listed.path("rows").forEach(row -> printed.add(first.row(listed, row)));
        }
        JsonNode columns = listed == null || listed.path("columnDefinitions").isEmpty() ? null : listed.path("columnDefinitions");
        TablePrinter printer = new TablePrinter(base);
        try (InputStream in = s.client().stream(q.on(r.path(r.namespaced() ? ns : null)), ApiClient.TABLE)) {
            io.skiff.kubectl.http.Lines lines = new io.skiff.kubectl.http.Lines(in);
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode ev = Codec.parse(line.getBytes(StandardCharsets.UTF_8));
                String type = ev.path("type").asText();
                if (type.equals("ERROR")) {
                    throw new ApiException(ev.path("object").path("code").asInt(500), ev.path("object").path("reason").asText(""),
                            ev.path("object").path("message").asText(""), ev.path("object"));
                }
                if (type.equals("BOOKMARK")) {
                    continue;
                }
                ObjectNode table = (ObjectNode) ev.path("object");
                // only the first event carries the columns; later ones reuse them
                if (table.path("columnDefinitions").isEmpty() && columns != null) {
                    table.set("columnDefinitions", columns);
                } else if (!table.path("columnDefinitions").isEmpty()) {
                    columns = table.path("columnDefinitions");
                }
                int before = printed.size();
                if (header && !noHeaders) {
                    printed.add(printer.header(table));
                    header = false;
                }
                for (JsonNode row : table.path("rows")) {
                    printed.add(printer.row(table, row));
                }
                StringBuilder sb = new StringBuilder();
                TabWriter tw = new TabWriter(sb);
                printed.forEach(tw::cells);
                tw.flush();
                String[] all = sb.toString().split("\n", -1);
                StringBuilder fresh = new StringBuilder();
                for (int i = before; i < printed.size(); i++) {
                    fresh.append(all[i]).append('\n');
                }
                s.out.print(fresh);
                s.out.flush();
            }
        }
    }

    private String watchFieldSelector(ResourceArgs.Target t) {
        if (t.names().size() == 1) {
            String byName = "metadata.name=" + t.names().get(0);
            return fieldSelector == null ? byName : fieldSelector + "," + byName;
        }
        return fieldSelector;
    }

    private void watchObjects(ResourceArgs.Target t, String ns, Output out, List<String> prefixes) throws IOException {
        ApiResource r = t.resource();
        Query q = new Query().add("labelSelector", selector).add("fieldSelector", watchFieldSelector(t))
                .add("resourceVersion", "0").add("watch", "true");
        boolean skipFirst = !watchOnly;
        try (InputStream in = s.client().stream(q.on(r.path(r.namespaced() ? ns : null)), ApiClient.JSON)) {
            io.skiff.kubectl.http.Lines lines = new io.skiff.kubectl.http.Lines(in);
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode ev = Codec.parse(line.getBytes(StandardCharsets.UTF_8));
                if (ev.path("type").asText().equals("BOOKMARK")) {
                    continue;
                }
                if (skipFirst && ev.path("type").asText().equals("ADDED") && t.names().size() == 1) {
                    skipFirst = false; // the synthetic ADDED repeats what the GET printed
                    continue;
                }
                s.out.print(out.print(ev.path("object"), List.of(r.kindPrefix()), true));
                s.out.flush();
            }
        }
    }

    private List<ResourceArgs.Target> fromFiles() {
        List<ResourceArgs.Target> out = new ArrayList<>();
        for (Manifests.Doc d : Manifests.read(s, files, false)) {
            ApiResource r = s.discovery().forKind(d.object().path("apiVersion").asText(), d.object().path("kind").asText());
            out.add(new ResourceArgs.Target(r, List.of(d.object().path("metadata").path("name").asText())));
        }
        return out;
    }
}
