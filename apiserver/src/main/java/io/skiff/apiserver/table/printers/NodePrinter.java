package io.skiff.apiserver.table.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.apiserver.table.Column;
import io.skiff.apiserver.table.TablePrinter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

public final class NodePrinter implements TablePrinter {
    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";

    @Override
    public List<Column> columns() {
        return List.of(Column.NAME,
                Column.string("Status", "The status of the node"),
                Column.string("Roles", "The roles of the node"),
                Column.AGE,
                Column.string("Version", "Kubelet Version reported by the node."),
                Column.wide("Internal-IP", "List of addresses reachable to the node. Queried from cloud provider, if available."),
                Column.wide("External-IP", "List of addresses reachable to the node. Queried from cloud provider, if available."),
                Column.wide("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."),
                Column.wide("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
                Column.wide("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2)."));
    }

    @Override
    public List<Object> cells(ObjectNode node) {
        JsonNode info = node.path("status").path("nodeInfo");
        return List.of(TablePrinter.name(node), status(node), roles(node), TablePrinter.age(node),
                info.path("kubeletVersion").asText(""), address(node, "InternalIP"), address(node, "ExternalIP"),
                Cells.orNone(info.path("osImage").asText("")).replace(Cells.NONE, "<unknown>"),
                Cells.orNone(info.path("kernelVersion").asText("")).replace(Cells.NONE, "<unknown>"),
                Cells.orNone(info.path("containerRuntimeVersion").asText("")).replace(Cells.NONE, "<unknown>"));
    }

    private static String status(JsonNode node) {
        List<String> states = new ArrayList<>();
        for (JsonNode c : node.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                states.add("True".equals(c.path("status").asText()) ? "Ready" : "NotReady");
            }
        }
        if (states.isEmpty()) {
            states.add("Unknown");
        }
        if (node.path("spec").path("unschedulable").asBoolean()) {
            states.add("SchedulingDisabled");
        }
        return String.join(",", states);
    }

    private static String roles(JsonNode node) {
        TreeSet<String> roles = new TreeSet<>();
        for (Iterator<String> it = node.path("metadata").path("labels").fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.startsWith(ROLE_PREFIX) && k.length() > ROLE_PREFIX.length()) {
                roles.add(k.substring(ROLE_PREFIX.length()));
            } else if (k.equals("kubernetes.io/role")) {
                roles.add(node.path("metadata").path("labels").path(k).asText());
            }
        }
        return roles.isEmpty() ? Cells.NONE : String.join(",", roles);
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode a : node.path("status").path("addresses")) {
            if (type.equals(a.path("type").asText())) {
                return a.path("address").asText();
            }
        }
        return Cells.NONE;
    }
}
