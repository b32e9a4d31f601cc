package io.skiff.apiserver.table.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.apiserver.table.Column;
import io.skiff.apiserver.table.TablePrinter;

import java.util.ArrayList;
import java.util.List;

public final class ServicePrinter implements TablePrinter {

    @Override
    public List<Column> columns() {
        return List.of(Column.NAME,
                Column.string("Type", "type determines how the Service is exposed."),
                Column.string("Cluster-IP", "clusterIP is the IP address of the service and is usually assigned randomly."),
                Column.string("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
                Column.string("Port(s)", "The list of ports that are exposed by this service."),
                Column.AGE,
                Column.wide("Selector", "Route service traffic to pods with label keys and values matching this selector."));
    }

    @Override
    public List<Object> cells(ObjectNode svc) {
        JsonNode spec = svc.path("spec");
        String type = spec.path("type").asText("ClusterIP");
        String clusterIp = spec.path("clusterIP").asText("");
        if (clusterIp.isEmpty()) {
            clusterIp = Cells.NONE;
        }
        return List.of(TablePrinter.name(svc), type, clusterIp, externalIp(svc, type), ports(spec),
                TablePrinter.age(svc), Cells.labels(spec.get("selector")));
    }

    private static String externalIp(JsonNode svc, String type) {
        List<String> ips = new ArrayList<>();
        svc.path("spec").path("externalIPs").forEach(ip -> ips.add(ip.asText()));
        switch (type) {
            case "ExternalName":
                return svc.path("spec").path("externalName").asText();
            case "LoadBalancer":
                for (JsonNode ing : svc.path("status").path("loadBalancer").path("ingress")) {
                    ips.add(ing.has("ip") ? ing.path("ip").asText() : ing.path("hostname").asText());
                }
                return ips.isEmpty() ? "<pending>" : String.join(",", ips);
            default:
                return ips.isEmpty() ? Cells.NONE : String.join(",", ips);
        }
    }

    private static String ports(JsonNode spec) {
        List<String> parts = new ArrayList<>();
        for (JsonNode p : spec.path("ports")) {
            String s = p.path("port").asText();
            if (p.path("nodePort").asInt() > 0) {
                s += ":" + p.path("nodePort").asInt();
            }
            parts.add(s + "/" + p.path("protocol").asText("TCP"));
        }
        return parts.isEmpty() ? Cells.NONE : String.join(",", parts);
    }
}
