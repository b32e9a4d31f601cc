package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.print.JsonPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** {@code kubectl wait --for=condition=C[=V] | delete | jsonpath='{…}'=V TYPE/NAME…}. */
@Command(name = "wait", description = "Experimental: Wait for a specific condition on one or many resources.")
public final class WaitCommand extends SessionCommand {
    @Parameters(arity = "0..*")
    List<String> args = new ArrayList<>();
    @Option(names = "--for", required = true, description = "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]].")
    String condition;
    @Option(names = "--timeout", description = "The length of time to wait before giving up.")
    String timeout = "30s";
    @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
    String selector;
    @Option(names = "--all", description = "Select all resources in the namespace of the specified resource types")
    boolean all;

    public WaitCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() throws Exception {
        Duration limit = io.skiff.kubectl.Durations.parse(timeout);
        boolean delete = condition.equals("delete");
        Predicate<JsonNode> done = predicate();
        String ns = s.namespace();
        int failures = 0;
        for (ResourceArgs.Target t : ResourceArgs.parse(s, args)) {
            List<String> names = new ArrayList<>(t.names());
            if (names.isEmpty()) {
                if (selector == null && !all) {
                    throw new KubectlException("resource name may not be empty");
                }
                s.client().get(new Query().add("labelSelector", selector).on(t.resource().path(ns))).path("items")
                        .forEach(i -> names.add(Objects.name(i)));
                if (names.isEmpty()) {
                    throw new KubectlException("no matching resources found");
                }
            }
            for (String name : names) {
                String where = t.resource().namespaced() ? ns : null;
                if (!delete) {
                    s.client().get(t.resource().path(where, name)); // NotFound fails at once, as kubectl does
                }
                boolean ok = new Waiter(s).await(t.resource(), where, name, null, delete ? o -> false : done, delete, limit);
                if (ok) {
                    s.out.println(Objects.ref(t.resource(), name) + " condition met");
                } else {
                    failures++;
                    s.err.println("error: timed out waiting for the condition on " + t.resource().qualified() + "/" + name);
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private Predicate<JsonNode> predicate() {
        if (condition.startsWith("condition=")) {
            String[] p = condition.substring(10).split("=", 2);
            String type = p[0];
            String value = p.length > 1 ? p[1] : "True";
            return o -> {
                for (JsonNode c : o.path("status").path("conditions")) {
                    if (c.path("type").asText().equalsIgnoreCase(type)) {
                        return c.path("status").asText().equalsIgnoreCase(value);
                    }
                }
                return false;
            };
        }
        if (condition.startsWith("jsonpath=")) {
            String spec = condition.substring(9);
            int close = spec.lastIndexOf('}');
            String expr = spec.substring(0, close + 1).replace("'", "");
            String value = close + 1 < spec.length() && spec.charAt(close + 1) == '=' ? spec.substring(close + 2) : null;
            return o -> {
                List<JsonNode> v = JsonPath.select(expr, o);
                return !v.isEmpty() && (value == null || JsonPath.text(v.get(0)).equals(value));
            };
        }
        if (condition.equals("create")) {
            return o -> true;
        }
        throw new KubectlException("unrecognized condition: \"" + condition + "\"");
    }
}
