package io.skiff.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The container sections of pods and pod templates, with status when there is one. */
final class Containers {
    private Containers() {
    }

    /** {@code status} is null for templates; {@code namePrefix} is " " for templates, as kubectl indents them. */
    static void describe(Out w, int level, String title, JsonNode containers, JsonNode statuses, String namePrefix) {
        w.line(level, title + ":");
        for (JsonNode c : containers) {
            String name = c.path("name").asText();
            JsonNode st = null;
            for (JsonNode s : statuses == null ? List.<JsonNode>of() : toList(statuses)) {
                if (name.equals(s.path("name").asText())) {
                    st = s;
                }
            }
            int l = 2; // pod and template containers print their fields at the same depth
            w.line(0, "  " + namePrefix + name + ":");
            if (st != null && st.hasNonNull("containerID")) {
                w.line(l, "Container ID:\t" + st.path("containerID").asText());
            }
            w.line(l, "Image:\t" + c.path("image").asText());
            if (st != null) {
                w.line(l, "Image ID:\t" + st.path("imageID").asText(""));
            }
            ports(w, l, c.path("ports"));
            list(w, l, "Command", c.path("command"));
            list(w, l, "Args", c.path("args"));
            if (st != null) {
                state(w, l, "State", st.path("state"));
                if (st.path("lastState").size() > 0) {
                    state(w, l, "Last State", st.path("lastState"));
                }
                w.line(l, "Ready:\t" + st.path("ready").asBoolean());
                w.line(l, "Restart Count:\t" + st.path("restartCount").asInt());
            }
            resources(w, l, "Limits", c.path("resources").path("limits"));
            resources(w, l, "Requests", c.path("resources").path("requests"));
            probe(w, l, "Liveness", c.path("livenessProbe"));
            probe(w, l, "Readiness", c.path("readinessProbe"));
            probe(w, l, "Startup", c.path("startupProbe"));
            env(w, l, c.path("env"));
            mounts(w, l, c.path("volumeMounts"));
        }
    }

    private static void ports(Out w, int l, JsonNode ports) {
        List<String> p = new ArrayList<>();
        List<String> h = new ArrayList<>();
        for (JsonNode port : ports) {
            String proto = port.path("protocol").asText("TCP");
            p.add(port.path("containerPort").asInt() + "/" + proto);
            h.add(port.path("hostPort").asInt(0) + "/" + proto);
        }
        if (p.isEmpty()) {
            w.line(l, "Port:\t<none>");
            w.line(l, "Host Port:\t<none>");
        } else {
            w.line(l, (p.size() == 1 ? "Port" : "Ports") + ":\t" + String.join(", ", p));
            w.line(l, (h.size() == 1 ? "Host Port" : "Host Ports") + ":\t" + String.join(", ", h));
        }
    }

    private static void list(Out w, int l, String title, JsonNode values) {
        if (values.isArray() && !values.isEmpty()) {
            w.line(l, title + ":");
            for (JsonNode v : values) {
                w.line(l + 1, v.asText());
            }
        }
    }

    private static void state(Out w, int l, String title, JsonNode state) {
        if (state.has("running")) {
            w.line(l, title + ":\tRunning");
            w.line(l + 1, "Started:\t" + date(state.path("running").path("startedAt")));
        } else if (state.has("waiting")) {
            w.line(l, title + ":\tWaiting");
            w.line(l + 1, "Reason:\t" + state.path("waiting").path("reason").asText(""));
        } else if (state.has("terminated")) {
            JsonNode t = state.path("terminated");
            w.line(l, title + ":\tTerminated");
            w.line(l + 1, "Reason:\t" + t.path("reason").asText(""));
            if (t.hasNonNull("message")) {
                w.line(l + 1, "Message:\t" + t.path("message").asText());
            }
            w.line(l + 1, "Exit Code:\t" + t.path("exitCode").asInt());
            if (t.hasNonNull("signal") && t.path("signal").asInt() > 0) {
                w.line(l + 1, "Signal:\t" + t.path("signal").asInt());
            }
            w.line(l + 1, "Started:\t" + date(t.path("startedAt")));
            w.line(l + 1, "Finished:\t" + date(t.path("finishedAt")));
        } else {
            w.line(l, title + ":\tWaiting");
        }
    }

    private static String date(JsonNode ts) {
        return ts.isTextual() ? io.skiff.kubectl.print.Ages.date(ts.asText()) : "Mon, 01 Jan 0001 00:00:00 +0000";
    }

    private static void resources(Out w, int l, String title, JsonNode map) {
        if (map.isObject() && !map.isEmpty()) {
            w.line(l, title + ":");
            java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
            map.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
            sorted.forEach((k, v) -> w.line(l + 1, k + ":\t" + v));
        }
    }

    private static void probe(Out w, int l, String title, JsonNode p) {
        if (!p.isObject()) {
            return;
        }
        String action;
        if (p.has("httpGet")) {
            JsonNode h = p.path("httpGet");
            action = "http-get " + h.path("scheme").asText("HTTP").toLowerCase() + "://" + h.path("host").asText("") + ":"
                    + h.path("port").asText() + h.path("path").asText("");
        } else if (p.has("tcpSocket")) {
            action = "tcp-socket " + p.path("tcpSocket").path("host").asText("") + ":" + p.path("tcpSocket").path("port").asText();
        } else if (p.has("exec")) {
            action = "exec " + p.path("exec").path("command").toString().replace("\"", "").replace(",", " ");
        } else {
            action = "unknown";
        }
        w.line(l, title + ":\t" + action + " delay=" + p.path("initialDelaySeconds").asInt(0) + "s timeout=" + p.path("timeoutSeconds").asInt(1)
                + "s period=" + p.path("periodSeconds").asInt(10) + "s #success=" + p.path("successThreshold").asInt(1)
                + " #failure=" + p.path("failureThreshold").asInt(3));
    }

    private static void env(Out w, int l, JsonNode env) {
        if (!env.isArray() || env.isEmpty()) {
            w.line(l, "Environment:\t<none>");
            return;
        }
        w.line(l, "Environment:");
        for (JsonNode e : env) {
            String v;
            if (e.has("valueFrom")) {
                JsonNode f = e.path("valueFrom");
                if (f.has("fieldRef")) {
                    v = " (" + f.path("fieldRef").path("apiVersion").asText("v1") + ":" + f.path("fieldRef").path("fieldPath").asText() + ")";
                } else if (f.has("configMapKeyRef")) {
                    v = "<set to the key '" + f.path("configMapKeyRef").path("key").asText() + "' of config map '"
                            + f.path("configMapKeyRef").path("name").asText() + "'>";
                } else if (f.has("secretKeyRef")) {
                    v = "<set to the key '" + f.path("secretKeyRef").path("key").asText() + "' in secret '"
                            + f.path("secretKeyRef").path("name").asText() + "'>";
                } else {
                    v = "";
                }
                w.line(l + 1, e.path("name").asText() + ":\t" + v + "  Optional: false");
            } else {
                w.line(l + 1, e.path("name").asText() + ":\t" + e.path("value").asText(""));
            }
        }
    }

    private static void mounts(Out w, int l, JsonNode mounts) {
        if (!mounts.isArray() || mounts.isEmpty()) {
            w.line(l, "Mounts:\t<none>");
            return;
        }
        w.line(l, "Mounts:");
        List<JsonNode> sorted = toList(mounts);
        sorted.sort(java.util.Comparator.comparing(m -> m.path("mountPath").asText()));
        for (JsonNode m : sorted) {
            String flags = m.path("readOnly").asBoolean(false) ? "ro" : "rw";
            String sub = m.hasNonNull("subPath") ? ",path=\"" + m.path("subPath").asText() + "\"" : "";
            w.line(l + 1, m.path("mountPath").asText() + " from " + m.path("name").asText() + " (" + flags + sub + ")");
        }
    }

    static List<JsonNode> toList(JsonNode a) {
        List<JsonNode> l = new ArrayList<>();
        a.forEach(l::add);
        return l;
    }
}
