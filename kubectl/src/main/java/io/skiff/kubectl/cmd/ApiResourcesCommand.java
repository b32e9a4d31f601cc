package io.skiff.kubectl.cmd;

import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.print.TabWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code kubectl api-resources}: always fresh discovery, stable-sorted by group as kubectl does. */
@Command(name = "api-resources", description = "Print the supported API resources on the server.")
public final class ApiResourcesCommand extends SessionCommand {
    @Option(names = {"-o", "--output"}, description = "Output format. One of: (wide, name).")
    String output;
    @Option(names = "--namespaced", arity = "0..1", description = "If false, non-namespaced resources will be returned.")
    Boolean namespaced;
    @Option(names = "--api-group", description = "Limit to resources in the specified API group.")
    String apiGroup;
    @Option(names = "--verbs", split = ",", description = "Limit to resources that support the specified verbs.")
    List<String> verbs;
    @Option(names = "--no-headers", description = "When using the default or custom-column output format, don't print headers.")
    boolean noHeaders;
    @Option(names = "--sort-by", description = "If non-empty, sort list of resources using specified field. One of (name, kind).")
    String sortBy;

    public ApiResourcesCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() {
        List<ApiResource> list = new ArrayList<>();
        for (ApiResource r : s.discovery().refresh()) {
            if ((namespaced == null || namespaced == r.namespaced()) && (apiGroup == null || apiGroup.equals(r.group()))
                    && (verbs == null || r.verbs().containsAll(verbs))) {
                list.add(r);
            }
        }
        Comparator<ApiResource> order = "name".equals(sortBy) ? Comparator.comparing(ApiResource::resource)
                : "kind".equals(sortBy) ? Comparator.comparing(ApiResource::kind) : Comparator.comparing(ApiResource::group).thenComparing(ApiResource::resource);
        list.sort(order);
        StringBuilder sb = new StringBuilder();
        if ("name".equals(output)) {
            list.forEach(r -> sb.append(r.qualified()).append('\n'));
            s.out.print(sb);
            return 0;
        }
        boolean wide = "wide".equals(output);
        TabWriter tw = new TabWriter(sb);
        if (!noHeaders) {
            tw.line("NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND" + (wide ? "\tVERBS\tCATEGORIES" : ""));
        }
        for (ApiResource r : list) {
            String line = r.resource() + "\t" + String.join(",", r.shortNames()) + "\t" + r.groupVersion() + "\t" + r.namespaced() + "\t" + r.kind();
            if (wide) {
                line += "\t" + String.join(",", r.verbs()) + "\t" + String.join(",", r.categories());
            }
            tw.line(line);
        }
        tw.flush();
        s.out.print(sb);
        return 0;
    }
}
