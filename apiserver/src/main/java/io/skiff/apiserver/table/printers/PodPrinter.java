package io.skiff.apiserver.table.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.apiserver.table.Column;
import io.skiff.apiserver.table.HumanDuration;
import io.skiff.apiserver.table.TablePrinter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** kubectl's pod columns, with the STATUS column worked out as Kubernetes does. */
public final class PodPrinter implements TablePrinter {

    @Override
    public List<Column> columns() {
        return List.of(Column.NAME,
                Column.string("Ready", "The aggregate readiness state of this pod for accepting traffic."),
                Column.string("Status", "The aggregate status of the containers in this pod."),
                Column.string("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
                Column.AGE,
                Column.wide("IP", "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."),
                Column.wide("Node", "NodeName is a request to schedule this pod onto a specific node."),
                Column.wide("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node."),
                Column.wide("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness."));
    }

    @Override
    public List<Object> cells(ObjectNode pod) {
        JsonNode spec = pod.path("spec");
        JsonNode status = pod.path("status");
        String reason = status.path("reason").asText(status.path("phase").asText(""));
        int restarts = 0;
        Instant lastRestart = null;
        int ready = 0;
        int total = spec.path("containers").size();

        boolean initializing = false;
        JsonNode inits = status.path("initContainerStatuses");
        int initCount = spec.path("initContainers").size();
        for (int i = 0; i < inits.size(); i++) {
            JsonNode c = inits.get(i);
            restarts += c.path("restartCount").asInt();
            lastRestart = later(lastRestart, c.path("lastState").path("terminated").path("finishedAt").asText(null));
            JsonNode terminated = c.path("state").path("terminated");
            JsonNode waiting = c.path("state").path("waiting");
            if (!terminated.isMissingNode() && terminated.path("exitCode").asInt() == 0) {
                continue;
            }
            if (!terminated.isMissingNode()) {
                reason = "Init:" + terminatedReason(terminated);
            } else if (!waiting.isMissingNode() && !waiting.path("reason").asText("").isEmpty()
                    && !waiting.path("reason").asText().equals("PodInitializing")) {
                reason = "Init:" + waiting.path("reason").asText();
            } else {
                reason = "Init:" + i + "/" + initCount;
            }
            initializing = true;
            break;
        }
        if (!initializing) {
            restarts = 0;
            boolean hasRunning = false;
            JsonNode containers = status.path("containerStatuses");
            for (int i = containers.size() - 1; i >= 0; i--) {
                JsonNode c = containers.get(i);
                restarts += c.path("restartCount").asInt();
                lastRestart = later(lastRestart, c.path("lastState").path("terminated").path("finishedAt").asText(null));
                JsonNode waiting = c.path("state").path("waiting");
                JsonNode terminated = c.path("state").path("terminated");
                if (!waiting.path("reason").asText("").isEmpty()) {
                    reason = waiting.path("reason").asText();
                } else if (!terminated.isMissingNode()) {
                    reason = terminatedReason(terminated);
                } else if (c.path("ready").asBoolean() && c.path("state").has("running")) {
                    hasRunning = true;
                    ready++;
                }
            }
            if (reason.equals("Completed") && hasRunning) {
                reason = hasReadyCondition(status) ? "Running" : "NotReady";
            }
        }
        if (pod.path("metadata").has("deletionTimestamp")) {
            reason = "NodeLost".equals(status.path("reason").asText()) ? "Unknown" : "Terminating";
        }
        String restartCell = Integer.toString(restarts);
        if (restarts != 0 && lastRestart != null) {
            restartCell += " (" + HumanDuration.format(Duration.between(lastRestart, Instant.now())) + " ago)";
        }
        List<Object> cells = new ArrayList<>();
        cells.add(TablePrinter.name(pod));
        cells.add(ready + "/" + total);
        cells.add(reason);
        cells.add(restartCell);
        cells.add(TablePrinter.age(pod));
        cells.add(Cells.orNone(status.path("podIP").asText("")));
        cells.add(Cells.orNone(spec.path("nodeName").asText("")));
        cells.add(Cells.orNone(status.path("nominatedNodeName").asText("")));
        cells.add(readinessGates(spec, status));
        return cells;
    }

    private static String terminatedReason(JsonNode terminated) {
        String r = terminated.path("reason").asText("");
        if (!r.isEmpty()) {
            return r;
        }
        int signal = terminated.path("signal").asInt();
        return signal != 0 ? "Signal:" + signal : "ExitCode:" + terminated.path("exitCode").asInt();
    }

    private static boolean hasReadyCondition(JsonNode status) {
        for (JsonNode c : status.path("conditions")) {
            if ("Ready".equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String readinessGates(JsonNode spec, JsonNode status) {
        JsonNode gates = spec.path("readinessGates");
        if (gates.isEmpty()) {
            return Cells.NONE;
        }
        int met = 0;
        for (JsonNode g : gates) {
            for (JsonNode c : status.path("conditions")) {
                if (c.path("type").asText().equals(g.path("conditionType").asText()) && "True".equals(c.path("status").asText())) {
                    met++;
                }
            }
        }
        return met + "/" + gates.size();
    }

    private static Instant later(Instant current, String timestamp) {
        if (timestamp == null) {
            return current;
        }
        try {
            Instant t = Instant.parse(timestamp);
            return current == null || t.isAfter(current) ? t : current;
        } catch (RuntimeException e) {
            return current;
        }
    }
}
