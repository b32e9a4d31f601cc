package io.skiff.apiserver.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;

/** A pod's QoS class from its containers' requests and limits (Kubernetes' rules). */
final class QosClass {
    private QosClass() {
    }

    static String of(JsonNode podSpec) {
        boolean anySet = false;
        boolean guaranteed = true;
        for (String list : new String[] {"initContainers", "containers"}) {
            for (JsonNode c : podSpec.path(list)) {
                JsonNode requests = c.path("resources").path("requests");
                JsonNode limits = c.path("resources").path("limits");
                if (!requests.isEmpty() || !limits.isEmpty()) {
                    anySet = true;
                }
                for (String r : new String[] {"cpu", "memory"}) {
                    JsonNode limit = limits.get(r);
                    JsonNode request = requests.get(r);
                    if (limit == null || (request != null && !request.asText().equals(limit.asText()))) {
                        guaranteed = false;
                    }
                }
                for (Iterator<String> it = requests.fieldNames(); it.hasNext(); ) {
                    String r = it.next();
                    if ((r.equals("cpu") || r.equals("memory")) && !limits.has(r)) {
                        guaranteed = false;
                    }
                }
            }
        }
        if (!anySet) {
            return "BestEffort";
        }
        return guaranteed ? "Guaranteed" : "Burstable";
    }
}
