package io.skiff.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.cmd.Query;
import io.skiff.kubectl.http.ApiException;
import io.skiff.kubectl.print.TablePrinter;

import java.util.ArrayList;
import java.util.List;

/** {@code kubectl describe service}; endpoints come from EndpointSlices, as kubectl 1.32 reads them. */
final class ServiceDescriber implements Describer {
    @Override
    public String describe(Session s, JsonNode svc) {
        Out w = new Out();
        JsonNode meta = svc.path("metadata");
        JsonNode spec = svc.path("spec");
        w.line(0, "Name:\t" + meta.path("name").asText());
        w.line(0, "Namespace:\t" + meta.path("namespace").asText());
        w.map(0, "Labels", meta.path("labels"), false);
        w.map(0, "Annotations", meta.path("annotations"), true);
        String selector = TablePrinter.labels(spec.path("selector"));
        w.line(0, "Selector:\t" + (selector.equals("<none>") ? "<none>" : selector));
        String type = spec.path("type").asText("ClusterIP");
        w.line(0, "Type:\t" + type);
        if (spec.hasNonNull("ipFamilyPolicy")) {
            w.line(0, "IP Family Policy:\t" + spec.path("ipFamilyPolicy").asText());
        }
        if (spec.path("ipFamilies").size() > 0) {
            w.line(0, "IP Families:\t" + String.join(",", Out.texts(spec.path("ipFamilies"), null)));
        }
        if (type.equals("ExternalName")) {
            w.line(0, "External Name:\t" + spec.path("externalName").asText(""));
        } else {
            w.line(0, "IP:\t" + spec.path("clusterIP").asText(""));
            if (spec.path("clusterIPs").size() > 0) {
                w.line(0, "IPs:\t" + String.join(",", Out.texts(spec.path("clusterIPs"), null)));
            }
        }
        if (spec.path("externalIPs").size() > 0) {
            w.line(0, "External IPs:\t" + String.join(",", Out.texts(spec.path("externalIPs"), null)));
        }
        if (spec.hasNonNull("loadBalancerIP")) {
            w.line(0, "IP:\t" + spec.path("loadBalancerIP").asText());
        }
        List<String> ingress = Out.texts(svc.path("status").path("loadBalancer").path("ingress"), "ip");
        if (!ingress.isEmpty()) {
            w.line(0, "LoadBalancer Ingress:\t" + String.join(", ", ingress));
        }
        JsonNode slices = slices(s, svc);
        for (JsonNode p : spec.path("ports")) {
            String name = p.path("name").asText("");
            String label = name.isEmpty() ? "<unset>" : name;
            String proto = p.path("protocol").asText("TCP");
            w.line(0, "Port:\t" + label + "  " + p.path("port").asInt() + "/" + proto);
            JsonNode tp = p.path("targetPort");
            w.line(0, "TargetPort:\t" + (tp.isNumber() ? tp.asInt() + "/" + proto : tp.asText()));
            if (p.path("nodePort").asInt(0) != 0) {
                w.line(0, "NodePort:\t" + label + "  " + p.path("nodePort").asInt() + "/" + proto);
            }
            w.line(0, "Endpoints:\t" + endpoints(slices, name));
        }
        if (spec.path("ports").isEmpty()) {
            w.line(0, "Endpoints:\t" + endpoints(slices, ""));
        }
        w.line(0, "Session Affinity:\t" + spec.path("sessionAffinity").asText("None"));
        if (spec.hasNonNull("externalTrafficPolicy")) {
            w.line(0, "External Traffic Policy:\t" + spec.path("externalTrafficPolicy").asText());
        }
        if (spec.hasNonNull("internalTrafficPolicy")) {
            w.line(0, "Internal Traffic Policy:\t" + spec.path("internalTrafficPolicy").asText());
        }
        if (spec.path("healthCheckNodePort").asInt(0) != 0) {
            w.line(0, "HealthCheck NodePort:\t" + spec.path("healthCheckNodePort").asInt());
        }
        Events.describe(s, w, svc, true);
        return w.text();
    }

    private static JsonNode slices(Session s, JsonNode svc) {
        String ns = svc.path("metadata").path("namespace").asText();
        try {
            return s.client().get(new Query().add("labelSelector", "kubernetes.io/service-name=" + svc.path("metadata").path("name").asText())
                    .on("/apis/discovery.k8s.io/v1/namespaces/" + ns + "/endpointslices")).path("items");
        } catch (ApiException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** Ready addresses with the slice port of the same name: at most three, then "+ N more...". */
    static String endpoints(JsonNode slices, String portName) {
        List<String> all = new ArrayList<>();
        for (JsonNode slice : slices) {
            for (JsonNode port : slice.path("ports")) {
                if (!port.path("name").asText("").equals(portName)) {
                    continue;
                }
                for (JsonNode ep : slice.path("endpoints")) {
                    if (ep.path("conditions").path("ready").isBoolean() && !ep.path("conditions").path("ready").asBoolean()) {
                        continue;
                    }
                    for (JsonNode addr : ep.path("addresses")) {
                        all.add(addr.asText() + ":" + port.path("port").asInt());
                    }
                }
            }
        }
        if (all.isEmpty()) {
            return "<none>";
        }
        if (all.size() <= 3) {
            return String.join(",", all);
        }
        return String.join(",", all.subList(0, 3)) + " + " + (all.size() - 3) + " more...";
    }
}
