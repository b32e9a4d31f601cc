package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl expose}: a Service selecting what a pod, service, replication controller,
 * deployment or replica set selects, on {@code --port} or the ports its containers declare.
 */
@Command(name = "expose", description = "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service.")
public final class ExposeCommand extends SessionCommand {
    @Parameters(arity = "1..2")
    List<String> args = new ArrayList<>();
    @Option(names = "--port", description = "The port that the service should serve on.")
    String port;
    @Option(names = "--target-port", description = "Name or number for the port on the container that the service should direct traffic to.")
    String targetPort;
    @Option(names = "--protocol", description = "The network protocol for the service to be created.")
    String protocol;
    @Option(names = "--type", description = "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName.")
    String type;
    @Option(names = "--name", description = "The name for the newly created object.")
    String serviceName;
    @Option(names = "--selector", description = "A label selector to use for this service.")
    String selector;
    @Option(names = {"-l", "--labels"}, description = "Labels to apply to the service created by this call.")
    String labels;
    @Option(names = "--external-ip", description = "Additional external IP address (not managed by Kubernetes) to accept for the service.")
    String externalIp;
    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "unchanged", description = "Must be \"none\", \"server\", or \"client\".")
    String dryRun = "none";
    @Option(names = {"-o", "--output"}, description = "Output format.")
    String output;

    public ExposeCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() {
        ResourceArgs.Target t = ResourceArgs.parse(s, args).get(0);
        ApiResource r = t.resource();
        if (t.names().isEmpty()) {
            throw new KubectlException("resource(s) were provided, but no name was specified");
        }
        String ns = s.namespace();
        JsonNode obj = s.client().get(r.path(ns, t.names().get(0)));
        ObjectNode svc = Codec.object();
        svc.put("apiVersion", "v1").put("kind", "Service");
        ObjectNode meta = svc.putObject("metadata");
        JsonNode objLabels = obj.path("metadata").path("labels");
        ObjectNode ownLabels = labels != null ? pairs(labels) : objLabels.isObject() ? (ObjectNode) objLabels.deepCopy() : null;
        if (ownLabels != null && !ownLabels.isEmpty()) {
            meta.set("labels", ownLabels);
        }
        meta.put("name", serviceName != null ? serviceName : Objects.name(obj));
        ObjectNode spec = svc.putObject("spec");
        spec.set("ports", ports(obj));
        spec.set("selector", selector != null ? pairs(selector) : selectorOf(r, obj));
        if (type != null) {
            spec.put("type", type);
        }
        if (externalIp != null) {
            spec.putArray("externalIPs").add(externalIp);
        }
        svc.putObject("status").putObject("loadBalancer");
        ApiResource services = s.discovery().resolve("services");
        JsonNode created = "client".equals(dryRun) ? svc : s.client().post(new Query().add("dryRun", "server".equals(dryRun) ? "All" : null)
                .add("fieldManager", "kubectl-expose").on(services.path(ns)), svc);
        CreateCommand.report(s, services, created, output, dryRun, "exposed");
        return 0;
    }

    private ArrayNode ports(JsonNode obj) {
        ArrayNode out = Codec.json().createArrayNode();
        String proto = protocol == null ? "TCP" : protocol;
        if (port != null) {
            String[] ps = port.split(",");
            for (int i = 0; i < ps.length; i++) {
                ObjectNode p = out.addObject();
                if (ps.length > 1) {
                    p.put("name", "port-" + (i + 1));
                }
                p.put("port", Integer.parseInt(ps[i]));
                p.put("protocol", proto);
                target(p, targetPort != null ? targetPort : ps[i]);
            }
            return out;
        }
        List<JsonNode> declared = new ArrayList<>();
        JsonNode podSpec = obj.path("kind").asText().equals("Pod") ? obj.path("spec") : obj.path("spec").path("template").path("spec");
        if (obj.path("kind").asText().equals("Service")) {
            obj.path("spec").path("ports").forEach(declared::add);
            for (JsonNode d : declared) {
                ObjectNode p = out.addObject();
                if (d.has("name")) {
                    p.put("name", d.get("name").asText());
                }
                p.put("port", d.path("port").asInt()).put("protocol", d.path("protocol").asText("TCP"));
                p.set("targetPort", targetPort != null ? Codec.json().valueToTree(targetPort) : d.path("targetPort"));
            }
            return out;
        }
        podSpec.path("containers").forEach(c -> c.path("ports").forEach(declared::add));
        if (declared.isEmpty()) {
            throw new KubectlException("couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
        }
        for (int i = 0; i < declared.size(); i++) {
            JsonNode d = declared.get(i);
            ObjectNode p = out.addObject();
            if (declared.size() > 1) {
                p.put("name", "port-" + (i + 1));
            }
            p.put("port", d.path("containerPort").asInt());
            p.put("protocol", protocol != null ? protocol : d.path("protocol").asText("TCP"));
            target(p, targetPort != null ? targetPort : d.path("containerPort").asText());
        }
        return out;
    }

    private static void target(ObjectNode p, String value) {
        if (value.matches("[0-9]+")) {
            p.put("targetPort", Integer.parseInt(value));
        } else {
            p.put("targetPort", value);
        }
    }

    private static JsonNode selectorOf(ApiResource r, JsonNode obj) {
        switch (obj.path("kind").asText()) {
            case "Pod" -> {
                if (obj.path("metadata").path("labels").isEmpty()) {
                    throw new KubectlException("the pod has no labels and cannot be exposed\nSee 'kubectl expose -h' for help and examples");
                }
                return obj.path("metadata").path("labels");
            }
            case "Service", "ReplicationController" -> {
                return obj.path("spec").path("selector");
            }
            default -> {
                JsonNode sel = obj.path("spec").path("selector");
                if (sel.has("matchExpressions") && !sel.path("matchExpressions").isEmpty()) {
                    throw new KubectlException("couldn't convert expressions - \"" + sel.path("matchExpressions") + "\" to map-based selector format");
                }
                return sel.path("matchLabels");
            }
        }
    }

    private static ObjectNode pairs(String text) {
        ObjectNode o = Codec.object();
        for (String kv : text.split(",")) {
            String[] p = kv.split("=", 2);
            if (p.length != 2) {
                throw new KubectlException("invalid label spec: " + kv);
            }
            o.put(p[0].trim(), p[1].trim());
        }
        return o;
    }
}
