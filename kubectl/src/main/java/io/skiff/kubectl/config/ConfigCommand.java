package io.skiff.kubectl.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.cmd.SessionCommand;
import io.skiff.kubectl.print.GoJson;
import io.skiff.kubectl.print.GoYaml;
import io.skiff.kubectl.print.JsonPath;
import io.skiff.kubectl.print.TabWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code kubectl config view|get-contexts|current-context|use-context|set-context}. */
@Command(name = "config", description = "Modify kubeconfig files.",
        subcommands = {ConfigCommand.View.class, ConfigCommand.GetContexts.class, ConfigCommand.CurrentContext.class,
                ConfigCommand.UseContext.class, ConfigCommand.SetContext.class})
public final class ConfigCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "view", description = "Display merged kubeconfig settings or a specified kubeconfig file.")
    public static final class View extends SessionCommand {
        @Option(names = "--minify", description = "Remove all information not used by current-context from the output.")
        boolean minify;
        @Option(names = "--raw", description = "Display raw byte data and sensitive data.")
        boolean raw;
        @Option(names = "--flatten", description = "Flatten the resulting kubeconfig file into self-contained output.")
        boolean flatten;
        @Option(names = {"-o", "--output"}, description = "Output format.")
        String output = "yaml";

        public View(Session s) {
            super(s);
        }

        @Override
        public Integer call() {
            ObjectNode m = s.kubeconfig().merged();
            if (minify) {
                String ctx = m.path("current-context").asText();
                if (ctx.isEmpty()) {
                    throw new KubectlException("current-context must exist in order to minify");
                }
                keepOnly(m, "contexts", ctx);
                JsonNode c = m.path("contexts").path(0).path("context");
                keepOnly(m, "clusters", c.path("cluster").asText());
                keepOnly(m, "users", c.path("user").asText());
            }
            if (!raw) {
                redact(m);
            }
            if (output.startsWith("jsonpath=")) {
                s.out.print(JsonPath.parse(output.substring(9)).execute(m));
            } else {
                s.out.print("json".equals(output) ? GoJson.indent(m) + "\n" : GoYaml.write(m));
            }
            return 0;
        }

        private static void keepOnly(ObjectNode m, String section, String name) {
            ArrayNode kept = Codec.json().createArrayNode();
            m.path(section).forEach(e -> {
                if (name.equals(e.path("name").asText())) {
                    kept.add(e);
                }
            });
            m.set(section, kept);
        }

        /** kubectl hides secrets unless {@code --raw}. */
        private static void redact(ObjectNode m) {
            for (JsonNode c : m.path("clusters")) {
                replace(c.path("cluster"), "certificate-authority-data", "DATA+OMITTED");
            }
            for (JsonNode u : m.path("users")) {
                JsonNode user = u.path("user");
                replace(user, "client-certificate-data", "DATA+OMITTED");
                replace(user, "client-key-data", "DATA+OMITTED");
                replace(user, "token", "REDACTED");
                replace(user, "password", "REDACTED");
            }
        }

        private static void replace(JsonNode n, String field, String with) {
            if (n instanceof ObjectNode o && o.has(field)) {
                o.put(field, with);
            }
        }
    }

    @Command(name = "get-contexts", description = "Describe one or many contexts.")
    public static final class GetContexts extends SessionCommand {
        @Parameters(arity = "0..*")
        java.util.List<String> names = new java.util.ArrayList<>();
        @Option(names = "--no-headers", description = "When using the default or custom-column output format, don't print headers.")
        boolean noHeaders;
        @Option(names = {"-o", "--output"}, description = "Output format. One of: (name).")
        String output;

        public GetContexts(Session s) {
            super(s);
        }

        @Override
        public Integer call() {
            Kubeconfig kc = s.kubeconfig();
            String current = kc.currentContext();
            StringBuilder sb = new StringBuilder();
            TabWriter tw = new TabWriter(sb);
            if (!noHeaders && !"name".equals(output)) {
                tw.line("CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE");
            }
            int missing = 0;
            for (String n : names) {
                if (kc.entry("contexts", n) == null) {
                    s.err.println("error: context " + n + " not found");
                    missing++;
                }
            }
            for (ObjectNode e : kc.entries("contexts")) {
                String name = e.path("name").asText();
                if (!names.isEmpty() && !names.contains(name)) {
                    continue;
                }
                if ("name".equals(output)) {
                    sb.append(name).append('\n');
                    continue;
                }
                JsonNode c = e.path("context");
                tw.line((name.equals(current) ? "*" : "") + "\t" + name + "\t" + c.path("cluster").asText("") + "\t"
                        + c.path("user").asText("") + "\t" + c.path("namespace").asText(""));
            }
            tw.flush();
            s.out.print(sb);
            return missing == 0 ? 0 : 1;
        }
    }

    @Command(name = "current-context", description = "Display the current-context.")
    public static final class CurrentContext extends SessionCommand {
        public CurrentContext(Session s) {
            super(s);
        }

        @Override
        public Integer call() {
            String c = s.kubeconfig().currentContext();
            if (c.isEmpty()) {
                throw new KubectlException("current-context is not set");
            }
            s.out.println(c);
            return 0;
        }
    }

    @Command(name = "use-context", aliases = "use", description = "Set the current-context in a kubeconfig file.")
    public static final class UseContext extends SessionCommand {
        @Parameters(index = "0", paramLabel = "CONTEXT_NAME")
        String name;

        public UseContext(Session s) {
            super(s);
        }

        @Override
        public Integer call() throws Exception {
            Kubeconfig kc = s.kubeconfig();
            if (kc.entry("contexts", name) == null) {
                throw new KubectlException("no context exists with the name: \"" + name + "\"");
            }
            kc.setCurrentContext(name);
            s.out.println("Switched to context \"" + name + "\".");
            return 0;
        }
    }

    @Command(name = "set-context", description = "Set a context entry in kubeconfig.")
    public static final class SetContext extends SessionCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "CONTEXT_NAME")
        String name;
        @Option(names = "--current", description = "Modify the current context.")
        boolean current;
        // --cluster, --user and --namespace are the global flags, read from the session

        public SetContext(Session s) {
            super(s);
        }

        @Override
        public Integer call() throws Exception {
            Kubeconfig kc = s.kubeconfig();
            String target = name;
            if (current) {
                if (name != null) {
                    throw new KubectlException("you cannot specify a context name and --current");
                }
                target = kc.currentContext();
                if (target.isEmpty()) {
                    throw new KubectlException("no current context is set");
                }
            } else if (target == null) {
                throw new KubectlException("you must specify a non-empty context name or --current");
            }
            boolean exists = kc.entry("contexts", target) != null;
            Map<String, String> fields = new LinkedHashMap<>();
            if (s.global.cluster != null) {
                fields.put("cluster", s.global.cluster);
            }
            if (s.global.user != null) {
                fields.put("user", s.global.user);
            }
            if (s.global.namespace != null) {
                fields.put("namespace", s.global.namespace);
            }
            kc.updateContext(target, fields);
            s.out.println("Context \"" + target + "\" " + (exists ? "modified" : "created") + ".");
            return 0;
        }
    }
}
