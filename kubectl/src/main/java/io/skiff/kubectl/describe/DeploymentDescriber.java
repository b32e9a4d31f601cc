package io.skiff.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.cmd.Query;
import io.skiff.kubectl.print.Ages;
import io.skiff.kubectl.print.TablePrinter;

import java.util.ArrayList;
import java.util.List;

/** {@code kubectl describe deployment}, with its ReplicaSets found by selector and owner. */
final class DeploymentDescriber implements Describer {
    @Override
    public String describe(Session s, JsonNode d) {
        Out w = new Out();
        JsonNode meta = d.path("metadata");
        JsonNode spec = d.path("spec");
        JsonNode status = d.path("status");
        w.line(0, "Name:\t" + meta.path("name").asText());
        w.line(0, "Namespace:\t" + meta.path("namespace").asText());
        w.line(0, "CreationTimestamp:\t" + Ages.date(meta.path("creationTimestamp").asText()));
        w.map(0, "Labels", meta.path("labels"), false);
        w.map(0, "Annotations", meta.path("annotations"), true);
        String selector = TablePrinter.labels(spec.path("selector").path("matchLabels"));
        w.line(0, "Selector:\t" + selector);
        int desired = spec.path("replicas").asInt(1);
        w.line(0, "Replicas:\t" + desired + " desired | " + status.path("updatedReplicas").asInt() + " updated | "
                + status.path("replicas").asInt() + " total | " + status.path("availableReplicas").asInt() + " available | "
                + status.path("unavailableReplicas").asInt() + " unavailable");
        String strategy = spec.path("strategy").path("type").asText("RollingUpdate");
        w.line(0, "StrategyType:\t" + strategy);
        w.line(0, "MinReadySeconds:\t" + spec.path("minReadySeconds").asInt());
        if (strategy.equals("RollingUpdate")) {
            JsonNode ru = spec.path("strategy").path("rollingUpdate");
            w.line(0, "RollingUpdateStrategy:\t" + ru.path("maxUnavailable").asText("25%") + " max unavailable, "
                    + ru.path("maxSurge").asText("25%") + " max surge");
        }
        template(w, spec.path("template"));
        if (status.path("conditions").size() > 0) {
            w.line(0, "Conditions:");
            w.line(1, "Type\tStatus\tReason");
            w.line(1, "----\t------\t------");
            for (JsonNode c : status.path("conditions")) {
                w.line(1, c.path("type").asText() + " \t" + c.path("status").asText() + "\t" + c.path("reason").asText(""));
            }
        }
        replicaSets(s, w, d, selector);
        Events.describe(s, w, d, true);
        return w.text();
    }

    static void template(Out w, JsonNode template) {
        w.line(0, "Pod Template:");
        JsonNode meta = template.path("metadata");
        w.map(1, "Labels", meta.path("labels"), false);
        if (meta.path("annotations").size() > 0) {
            w.map(1, "Annotations", meta.path("annotations"), true);
        }
        JsonNode spec = template.path("spec");
        if (spec.hasNonNull("serviceAccountName")) {
            w.line(1, "Service Account:\t" + spec.path("serviceAccountName").asText());
        }
        if (spec.path("initContainers").size() > 0) {
            Containers.describe(w, 1, "  Init Containers", spec.path("initContainers"), null, " ");
        }
        w.line(1, "Containers:");
        Containers.describe(new Skip(w), 1, "", spec.path("containers"), null, " ");
        Volumes.describe(w, 1, spec.path("volumes"));
        w.map(1, "Node-Selectors", spec.path("nodeSelector"), false);
        PodDescriber.tolerations(w, 1, spec.path("tolerations"));
    }

    private void replicaSets(Session s, Out w, JsonNode d, String selector) {
        String ns = d.path("metadata").path("namespace").asText();
        JsonNode list = s.client().get(new Query().add("labelSelector", selector.equals("<none>") ? null : selector).add("limit", "500")
                .on("/apis/apps/v1/namespaces/" + ns + "/replicasets"));
        String uid = d.path("metadata").path("uid").asText();
        List<JsonNode> owned = new ArrayList<>();
        for (JsonNode rs : list.path("items")) {
            for (JsonNode ref : rs.path("metadata").path("ownerReferences")) {
                if (uid.equals(ref.path("uid").asText()) && ref.path("controller").asBoolean(false)) {
                    owned.add(rs);
                }
            }
        }
        if (owned.isEmpty()) {
            return;
        }
        String revision = d.path("metadata").path("annotations").path("deployment.kubernetes.io/revision").asText("");
        JsonNode newest = null;
        List<String> old = new ArrayList<>();
        for (JsonNode rs : owned) {
            String rev = rs.path("metadata").path("annotations").path("deployment.kubernetes.io/revision").asText("");
            if (!revision.isEmpty() && rev.equals(revision) || revision.isEmpty() && rs.path("spec").path("template").equals(d.path("spec").path("template"))) {
                newest = rs;
            } else if (rs.path("spec").path("replicas").asInt() > 0) {
                old.add(rsText(rs));
            }
        }
        w.line(0, "OldReplicaSets:\t" + (old.isEmpty() ? "<none>" : String.join(", ", old)));
        w.line(0, "NewReplicaSet:\t" + (newest == null ? "<none>" : rsText(newest)));
    }

    private static String rsText(JsonNode rs) {
        return rs.path("metadata").path("name").asText() + " (" + rs.path("status").path("replicas").asInt() + "/"
                + rs.path("spec").path("replicas").asInt() + " replicas created)";
    }

    /** Drops the title line {@link Containers#describe} writes (the template writes its own). */
    private static final class Skip extends Out {
        private final Out inner;
        private boolean skipped;

        Skip(Out inner) {
            this.inner = inner;
        }

        @Override
        void line(int level, String text) {
            if (!skipped) {
                skipped = true;
                return;
            }
            inner.line(level, text);
        }
    }
}
