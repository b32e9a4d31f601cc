package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code kubectl create service clusterip|nodeport|loadbalancer NAME --tcp=port[:targetPort]}. */
public abstract class ServiceGenerator extends CreateGenerators.Generator {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;
    @Option(names = "--tcp", split = ",", description = "Port pairs can be specified as '<port>:<targetPort>'.")
    List<String> tcp = new ArrayList<>();

    ServiceGenerator(Session s) {
        super(s);
    }

    abstract String type();

    void customize(ObjectNode spec) {
    }

    @Override
    ObjectNode build() {
        ObjectNode o = object("v1", "Service", name);
        o.with("metadata").putObject("labels").put("app", name);
        ObjectNode spec = o.putObject("spec");
        ArrayNode ports = spec.putArray("ports");
        for (String t : tcp) {
            String[] p = t.split(":");
            try {
                int port = Integer.parseInt(p[0]);
                ObjectNode e = ports.addObject();
                e.put("name", p[0] + "-" + (p.length > 1 ? p[1] : p[0]));
                e.put("protocol", "TCP");
                e.put("port", port);
                if (p.length > 1 && !p[1].matches("[0-9]+")) {
                    e.put("targetPort", p[1]);
                } else {
                    e.put("targetPort", Integer.parseInt(p.length > 1 ? p[1] : p[0]));
                }
            } catch (NumberFormatException bad) {
                throw new KubectlException("invalid port: " + t);
            }
        }
        spec.putObject("selector").put("app", name);
        spec.put("type", type());
        customize(spec);
        o.putObject("status").putObject("loadBalancer");
        return o;
    }

    @Override
    String resource() {
        return "services";
    }

    @Override
    String errorPrefix() {
        return "failed to create " + type() + " service: ";
    }

    @Command(name = "clusterip", description = "Create a ClusterIP service.")
    public static final class ClusterIp extends ServiceGenerator {
        @Option(names = "--clusterip", description = "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).")
        String clusterIp;

        public ClusterIp(Session s) {
            super(s);
        }

        @Override
        String type() {
            return "ClusterIP";
        }

        @Override
        void customize(ObjectNode spec) {
            if (clusterIp != null) {
                spec.put("clusterIP", clusterIp);
            }
            if (tcp.isEmpty() && !"None".equals(clusterIp)) {
                throw new KubectlException("at least one tcp port specifier must be provided");
            }
        }
    }

    @Command(name = "nodeport", description = "Create a NodePort service.")
    public static final class NodePort extends ServiceGenerator {
        @Option(names = "--node-port", description = "Port used to expose the service on each node in a cluster.")
        Integer nodePort;

        public NodePort(Session s) {
            super(s);
        }

        @Override
        String type() {
            return "NodePort";
        }

        @Override
        void customize(ObjectNode spec) {
            if (nodePort != null) {
                spec.get("ports").forEach(p -> ((ObjectNode) p).put("nodePort", nodePort));
            }
        }
    }

    @Command(name = "loadbalancer", description = "Create a LoadBalancer service.")
    public static final class LoadBalancer extends ServiceGenerator {
        public LoadBalancer(Session s) {
            super(s);
        }

        @Override
        String type() {
            return "LoadBalancer";
        }
    }
}
