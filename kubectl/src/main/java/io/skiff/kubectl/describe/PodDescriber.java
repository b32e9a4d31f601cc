package io.skiff.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.print.Ages;

import java.util.ArrayList;
import java.util.List;

/** {@code kubectl describe pod}. */
final class PodDescriber implements Describer {
    @Override
    public String describe(Session s, JsonNode pod) {
        Out w = new Out();
        JsonNode meta = pod.path("metadata");
        JsonNode spec = pod.path("spec");
        JsonNode status = pod.path("status");
        w.line(0, "Name:\t" + meta.path("name").asText());
        w.line(0, "Namespace:\t" + meta.path("namespace").asText());
        if (spec.has("priority")) {
            w.line(0, "Priority:\t" + spec.path("priority").asInt());
        }
        if (spec.hasNonNull("priorityClassName")) {
            w.line(0, "Priority Class Name:\t" + spec.path("priorityClassName").asText());
        }
        if (spec.hasNonNull("runtimeClassName")) {
            w.line(0, "Runtime Class Name:\t" + spec.path("runtimeClassName").asText());
        }
        w.line(0, "Service Account:\t" + spec.path("serviceAccountName").asText(""));
        String node = spec.path("nodeName").asText("");
        w.line(0, "Node:\t" + (node.isEmpty() ? "<none>" : node + "/" + status.path("hostIP").asText("")));
        if (status.hasNonNull("startTime")) {
            w.line(0, "Start Time:\t" + Ages.date(status.path("startTime").asText()));
        }
        w.map(0, "Labels", meta.path("labels"), false);
        w.map(0, "Annotations", meta.path("annotations"), true);
        if (meta.hasNonNull("deletionTimestamp")) {
            w.line(0, "Status:\tTerminating (lasts " + Ages.since(meta.path("deletionTimestamp").asText(), java.time.Instant.now()) + ")");
            w.line(0, "Termination Grace Period:\t" + meta.path("deletionGracePeriodSeconds").asInt() + "s");
        } else {
            w.line(0, "Status:\t" + status.path("phase").asText(""));
        }
        if (status.hasNonNull("reason")) {
            w.line(0, "Reason:\t" + status.path("reason").asText());
        }
        if (status.hasNonNull("message")) {
            w.line(0, "Message:\t" + status.path("message").asText());
        }
        w.line(0, "IP:\t" + status.path("podIP").asText(""));
        List<String> ips = Out.texts(status.path("podIPs"), "ip");
        if (ips.isEmpty()) {
            w.line(0, "IPs:\t<none>");
        } else {
            w.line(0, "IPs:");
            ips.forEach(ip -> w.line(1, "IP:\t" + ip));
        }
        for (JsonNode ref : meta.path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                w.line(0, "Controlled By:\t" + ref.path("kind").asText() + "/" + ref.path("name").asText());
            }
        }
        if (status.hasNonNull("nominatedNodeName")) {
            w.line(0, "NominatedNodeName:\t" + status.path("nominatedNodeName").asText());
        }
        if (spec.path("initContainers").size() > 0) {
            Containers.describe(w, 0, "Init Containers", spec.path("initContainers"), status.path("initContainerStatuses"), "");
        }
        Containers.describe(w, 0, "Containers", spec.path("containers"), status.has("containerStatuses") ? status.path("containerStatuses") : null, "");
        if (status.path("conditions").size() > 0) {
            w.line(0, "Conditions:");
            w.line(1, "Type\tStatus");
            for (JsonNode c : status.path("conditions")) {
                w.line(1, c.path("type").asText() + " \t" + c.path("status").asText() + " ");
            }
        }
        Volumes.describe(w, spec.path("volumes"));
        w.line(0, "QoS Class:\t" + (status.hasNonNull("qosClass") ? status.path("qosClass").asText() : qos(spec)));
        w.map(0, "Node-Selectors", spec.path("nodeSelector"), false);
        tolerations(w, 0, spec.path("tolerations"));
        Events.describe(s, w, pod, false);
        return w.text();
    }

    static void tolerations(Out w, int level, JsonNode tolerations) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : tolerations) {
            StringBuilder sb = new StringBuilder(t.path("key").asText(""));
            if (!t.path("value").asText("").isEmpty()) {
                sb.append('=').append(t.path("value").asText());
            }
            if (!t.path("effect").asText("").isEmpty()) {
                sb.append(':').append(t.path("effect").asText());
            }
            if ("Exists".equals(t.path("operator").asText()) && t.path("value").asText("").isEmpty()) {
                sb.append(" op=Exists");
            }
            if (t.hasNonNull("tolerationSeconds")) {
                sb.append(" for ").append(t.path("tolerationSeconds").asLong()).append('s');
            }
            out.add(sb.toString());
        }
        w.list(level, "Tolerations", out);
    }

    /** Kubernetes' QoS classes from the containers' requests and limits. */
    static String qos(JsonNode spec) {
        boolean any = false;
        boolean guaranteed = true;
        List<JsonNode> all = new ArrayList<>();
        spec.path("containers").forEach(all::add);
        spec.path("initContainers").forEach(all::add);
        for (JsonNode c : all) {
            JsonNode req = c.path("resources").path("requests");
            JsonNode lim = c.path("resources").path("limits");
            if (req.size() > 0 || lim.size() > 0) {
                any = true;
            }
            for (String r : List.of("cpu", "memory")) {
                if (!lim.has(r) || (req.has(r) && !req.get(r).equals(lim.get(r)))) {
                    guaranteed = false;
                }
            }
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }
}
