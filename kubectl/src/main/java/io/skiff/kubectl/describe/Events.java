package io.skiff.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.cmd.Query;
import io.skiff.kubectl.print.Ages;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The Events section: the object's events by involvedObject fields, oldest first. */
final class Events {
    private Events() {
    }

    static void describe(Session s, Out w, JsonNode obj, boolean withKind) {
        JsonNode meta = obj.path("metadata");
        String ns = meta.path("namespace").asText("");
        String selector = "involvedObject.name=" + meta.path("name").asText() + ",involvedObject.namespace=" + ns
                + (withKind ? ",involvedObject.kind=" + obj.path("kind").asText() : "")
                + ",involvedObject.uid=" + meta.path("uid").asText();
        String base = ns.isEmpty() ? "/api/v1/events" : "/api/v1/namespaces/" + ns + "/events";
        JsonNode list = s.client().get(new Query().add("fieldSelector", selector).add("limit", "500").on(base));
        List<JsonNode> events = Containers.toList(list.path("items"));
        if (events.isEmpty()) {
            w.line(0, "Events:\t<none>");
            return;
        }
        events.sort(Comparator.comparing(Events::time));
        w.line(0, "Events:");
        w.line(1, "Type\tReason\tAge\tFrom\tMessage");
        w.line(1, "----\t------\t----\t----\t-------");
        Instant now = Instant.now();
        for (JsonNode e : events) {
            String age = Ages.since(time(e), now);
            int count = e.path("count").asInt(0);
            if (count > 1 && e.hasNonNull("firstTimestamp")) {
                age = age + " (x" + count + " over " + Ages.since(e.path("firstTimestamp").asText(), now) + ")";
            }
            w.line(1, e.path("type").asText("") + "\t" + e.path("reason").asText("") + "\t" + age + "\t" + source(e) + "\t"
                    + e.path("message").asText("").trim());
        }
    }

    private static String time(JsonNode e) {
        for (String f : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
            if (e.hasNonNull(f) && !e.path(f).asText().isEmpty()) {
                String t = e.path(f).asText();
                return t.contains(".") && t.endsWith("Z") ? t.substring(0, t.indexOf('.')) + "Z" : t;
            }
        }
        return "1970-01-01T00:00:00Z";
    }

    private static String source(JsonNode e) {
        String component = e.path("source").path("component").asText("");
        String host = e.path("source").path("host").asText("");
        if (component.isEmpty()) {
            component = e.path("reportingComponent").asText("");
        }
        return host.isEmpty() ? component : component + ", " + host;
    }
}
