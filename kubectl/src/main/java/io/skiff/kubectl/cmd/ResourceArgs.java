package io.skiff.kubectl.cmd;

import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line resource arguments: {@code TYPE[,TYPE…] [NAME…]} or {@code TYPE/NAME…};
 * {@code all} expands to the "all" category.
 */
public final class ResourceArgs {
    /** One resource type and the names asked for (empty = every object). */
    public record Target(ApiResource resource, List<String> names) {
    }

    private ResourceArgs() {
    }

    public static List<Target> parse(Session s, List<String> args) {
        if (args.isEmpty()) {
            throw new KubectlException("Required resource not specified.");
        }
        Map<String, Target> byType = new LinkedHashMap<>();
        if (args.get(0).contains("/")) {
            for (String a : args) {
                int slash = a.indexOf('/');
                if (slash < 0) {
                    throw new KubectlException("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
                }
                ApiResource r = s.discovery().resolve(a.substring(0, slash));
                byType.computeIfAbsent(r.qualified(), k -> new Target(r, new ArrayList<>())).names().add(a.substring(slash + 1));
            }
            return new ArrayList<>(byType.values());
        }
        List<ApiResource> types = new ArrayList<>();
        for (String t : args.get(0).split(",")) {
            if (t.equals("all")) {
                types.addAll(s.discovery().category("all"));
            } else if (!t.isEmpty()) {
                types.add(s.discovery().resolve(t));
            }
        }
        List<String> names = args.subList(1, args.size());
        List<Target> out = new ArrayList<>();
        for (ApiResource r : types) {
            if (out.stream().noneMatch(t -> t.resource().qualified().equals(r.qualified()))) {
                out.add(new Target(r, new ArrayList<>(names)));
            }
        }
        return out;
    }
}
