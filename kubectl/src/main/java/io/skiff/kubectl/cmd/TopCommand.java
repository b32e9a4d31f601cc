package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.print.TabWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;

/** {@code kubectl top pod|node} from the metrics.k8s.io API, when the cluster serves it. */
@Command(name = "top", description = "Display resource (CPU/memory) usage.", subcommands = {TopCommand.Pods.class, TopCommand.Nodes.class})
public final class TopCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    abstract static class Top extends SessionCommand {
        @Parameters(arity = "0..1")
        String name;
        @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
        String selector;
        @Option(names = "--no-headers", description = "If present, print output without headers.")
        boolean noHeaders;

        Top(Session s) {
            super(s);
        }

        JsonNode metrics(String resource, String ns) {
            ApiResource r = s.discovery().all().stream().filter(x -> x.group().equals("metrics.k8s.io") && x.resource().equals(resource))
                    .findFirst().orElseThrow(() -> new KubectlException("Metrics API not available"));
            String path = r.path(ns);
            if (name != null) {
                return s.client().get(path + "/" + name);
            }
            return s.client().get(new Query().add("labelSelector", selector).on(path));
        }

        static long milliCores(String q) {
            return new BigDecimal(Quantity.parse(q)).multiply(BigDecimal.valueOf(1000)).longValue();
        }

        static long mebibytes(String q) {
            return new BigDecimal(Quantity.parse(q)).longValue() / (1024 * 1024);
        }
    }

    @Command(name = "pod", aliases = "pods", description = "Display resource (CPU/memory) usage of pods.")
    public static final class Pods extends Top {
        @Option(names = {"-A", "--all-namespaces"}, description = "If present, list the requested object(s) across all namespaces.")
        boolean all;

        public Pods(Session s) {
            super(s);
        }

        @Override
        public Integer call() {
            JsonNode m = metrics("pods", all ? null : s.namespace());
            StringBuilder sb = new StringBuilder();
            TabWriter tw = new TabWriter(sb);
            if (!noHeaders) {
                tw.line((all ? "NAMESPACE\t" : "") + "NAME\tCPU(cores)\tMEMORY(bytes)");
            }
            Iterable<JsonNode> items = m.has("items") ? m.get("items") : java.util.List.of(m);
            int n = 0;
            for (JsonNode p : items) {
                long cpu = 0;
                long mem = 0;
                for (JsonNode c : p.path("containers")) {
                    cpu += milliCores(c.path("usage").path("cpu").asText("0"));
                    mem += mebibytes(c.path("usage").path("memory").asText("0"));
                }
                tw.line((all ? p.path("metadata").path("namespace").asText() + "\t" : "") + p.path("metadata").path("name").asText()
                        + "\t" + cpu + "m\t" + mem + "Mi");
                n++;
            }
            if (n == 0) {
                throw new KubectlException("No resources found in " + s.namespace() + " namespace.", 1);
            }
            tw.flush();
            s.out.print(sb);
            return 0;
        }
    }

    @Command(name = "node", aliases = "nodes", description = "Display resource (CPU/memory) usage of nodes.")
    public static final class Nodes extends Top {
        public Nodes(Session s) {
            super(s);
        }

        @Override
        public Integer call() {
            JsonNode m = metrics("nodes", null);
            StringBuilder sb = new StringBuilder();
            TabWriter tw = new TabWriter(sb);
            if (!noHeaders) {
                tw.line("NAME\tCPU(cores)\tMEMORY(bytes)");
            }
            Iterable<JsonNode> items = m.has("items") ? m.get("items") : java.util.List.of(m);
            for (JsonNode node : items) {
                tw.line(node.path("metadata").path("name").asText() + "\t" + milliCores(node.path("usage").path("cpu").asText("0")) + "m\t"
                        + mebibytes(node.path("usage").path("memory").asText("0")) + "Mi");
            }
            tw.flush();
            s.out.print(sb);
            return 0;
        }
    }
}
