package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.print.GoJson;
import io.skiff.kubectl.print.TabWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** {@code kubectl rollout status|history|undo|restart} for deployments. */
@Command(name = "rollout", description = "Manage the rollout of a resource.",
        subcommands = {RolloutCommand.Status.class, RolloutCommand.History.class, RolloutCommand.Undo.class, RolloutCommand.Restart.class})
public final class RolloutCommand implements Runnable {
    static final String REVISION = "deployment.kubernetes.io/revision";
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The one deployment named by {@code deploy/web} or {@code deployment web}. */
    abstract static class OnDeployment extends SessionCommand {
        @Parameters(arity = "1..2")
        List<String> args = new ArrayList<>();

        OnDeployment(Session s) {
            super(s);
        }

        ResourceArgs.Target target() {
            ResourceArgs.Target t = ResourceArgs.parse(s, args).get(0);
            if (!t.resource().kind().equals("Deployment")) {
                throw new KubectlException("no status viewer has been implemented for " + t.resource().kind());
            }
            if (t.names().isEmpty()) {
                throw new KubectlException("resource(s) were provided, but no name was specified");
            }
            return t;
        }

        /** The deployment's ReplicaSets (owned through the controller reference), by revision. */
        TreeMap<Long, JsonNode> replicaSets(JsonNode d) {
            String ns = d.path("metadata").path("namespace").asText();
            String selector = io.skiff.kubectl.print.TablePrinter.labels(d.path("spec").path("selector").path("matchLabels"));
            JsonNode list = s.client().get(new Query().add("labelSelector", selector).on("/apis/apps/v1/namespaces/" + ns + "/replicasets"));
            TreeMap<Long, JsonNode> out = new TreeMap<>();
            String uid = d.path("metadata").path("uid").asText();
            for (JsonNode rs : list.path("items")) {
                for (JsonNode ref : rs.path("metadata").path("ownerReferences")) {
                    if (uid.equals(ref.path("uid").asText())) {
                        out.put(rs.path("metadata").path("annotations").path(REVISION).asLong(0), rs);
                    }
                }
            }
            return out;
        }
    }

    @Command(name = "status", description = "Show the status of the rollout.")
    public static final class Status extends OnDeployment {
        @Option(names = {"-w", "--watch"}, arity = "0..1", fallbackValue = "true", description = "Watch the status of the rollout until it's done.")
        boolean watch = true;
        @Option(names = "--timeout", description = "The length of time to wait before ending watch, zero means never.")
        String timeout = "0s";

        public Status(Session s) {
            super(s);
        }

        @Override
        public Integer call() throws Exception {
            ResourceArgs.Target t = target();
            ApiResource r = t.resource();
            String name = t.names().get(0);
            s.client().get(r.path(s.namespace(), name));
            Duration limit = io.skiff.kubectl.Durations.parse(timeout);
            String[] last = {null};
            boolean done = new Waiter(s).await(r, s.namespace(), name, null, d -> {
                String[] m = message(d);
                if (!m[0].equals(last[0])) {
                    s.out.print(m[0]);
                    s.out.flush();
                    last[0] = m[0];
                }
                return m[1] != null || !watch;
            }, false, limit.isZero() ? Duration.ofDays(3650) : limit);
            if (!done) {
                throw new KubectlException("timed out waiting for the condition");
            }
            return 0;
        }

        /** kubectl's deployment status messages; [1] is non-null when the rollout is done. */
        static String[] message(JsonNode d) {
            String name = d.path("metadata").path("name").asText();
            JsonNode st = d.path("status");
            if (d.path("metadata").path("generation").asLong() <= st.path("observedGeneration").asLong()) {
                for (JsonNode c : st.path("conditions")) {
                    if (c.path("type").asText().equals("Progressing") && c.path("reason").asText().equals("ProgressDeadlineExceeded")) {
                        throw new KubectlException("deployment \"" + name + "\" exceeded its progress deadline");
                    }
                }
                int replicas = d.path("spec").path("replicas").asInt(1);
                int updated = st.path("updatedReplicas").asInt();
                if (updated < replicas) {
                    return new String[]{"Waiting for deployment \"" + name + "\" rollout to finish: " + updated + " out of " + replicas
                            + " new replicas have been updated...\n", null};
                }
                if (st.path("replicas").asInt() > updated) {
                    return new String[]{"Waiting for deployment \"" + name + "\" rollout to finish: " + (st.path("replicas").asInt() - updated)
                            + " old replicas are pending termination...\n", null};
                }
                if (st.path("availableReplicas").asInt() < updated) {
                    return new String[]{"Waiting for deployment \"" + name + "\" rollout to finish: " + st.path("availableReplicas").asInt()
                            + " of " + updated + " updated replicas are available...\n", null};
                }
                return new String[]{"deployment \"" + name + "\" successfully rolled out\n", "done"};
            }
            return new String[]{"Waiting for deployment spec update to be observed...\n", null};
        }
    }

    @Command(name = "history", description = "View rollout history.")
    public static final class History extends OnDeployment {
        @Option(names = "--revision", description = "See the details, including podTemplate of the revision specified")
        long revision;

        public History(Session s) {
            super(s);
        }

        @Override
        public Integer call() {
            ResourceArgs.Target t = target();
            JsonNode d = s.client().get(t.resource().path(s.namespace(), t.names().get(0)));
            TreeMap<Long, JsonNode> sets = replicaSets(d);
            StringBuilder sb = new StringBuilder(Objects.ref(t.resource(), t.names().get(0)) + " \n");
            if (sets.isEmpty()) {
                sb.append("No rollout history found.\n");
                s.out.print(sb);
                return 0;
            }
            TabWriter tw = new TabWriter(sb, 0, 2);
            tw.line("REVISION\tCHANGE-CAUSE");
            sets.forEach((rev, rs) -> tw.line(rev + "\t" + rs.path("metadata").path("annotations").path("kubernetes.io/change-cause").asText("<none>")));
            tw.flush();
            s.out.print(sb.append('\n'));
            return 0;
        }
    }

    @Command(name = "undo", description = "Undo a previous rollout.")
    public static final class Undo extends OnDeployment {
        @Option(names = "--to-revision", description = "The revision to rollback to. Default to 0 (last revision).")
        long toRevision;

        public Undo(Session s) {
            super(s);
        }

        @Override
        public Integer call() {
            ResourceArgs.Target t = target();
            String name = t.names().get(0);
            JsonNode d = s.client().get(t.resource().path(s.namespace(), name));
            TreeMap<Long, JsonNode> sets = replicaSets(d);
            long current = d.path("metadata").path("annotations").path(REVISION).asLong(sets.isEmpty() ? 0 : sets.lastKey());
            JsonNode target;
            if (toRevision > 0) {
                target = sets.get(toRevision);
                if (target == null) {
                    throw new KubectlException("unable to find specified revision " + toRevision + " in history");
                }
            } else {
                Long previous = sets.lowerKey(current);
                if (previous == null) {
                    throw new KubectlException("no rollout history found for deployment \"" + name + "\"");
                }
                target = sets.get(previous);
            }
            ObjectNode template = target.path("spec").path("template").deepCopy();
            ObjectNode labels = template.with("metadata").with("labels");
            labels.remove("pod-template-hash");
            if (template.path("spec").equals(d.path("spec").path("template").path("spec"))
                    && template.path("metadata").equals(d.path("spec").path("template").path("metadata"))) {
                s.out.println(Objects.ref(t.resource(), name) + " skipped rollback (current template already matches revision "
                        + target.path("metadata").path("annotations").path(REVISION).asText() + ")");
                return 0;
            }
            ArrayNode patch = Codec.json().createArrayNode();
            patch.addObject().put("op", "replace").put("path", "/spec/template").set("value", template);
            ObjectNode annotations = d.path("metadata").path("annotations").isObject() ? d.path("metadata").path("annotations").deepCopy() : Codec.object();
            patch.addObject().put("op", "replace").put("path", "/metadata/annotations").set("value", annotations);
            s.client().patch(t.resource().path(s.namespace(), name), "application/json-patch+json", GoJson.compact(patch).getBytes(StandardCharsets.UTF_8));
            s.out.println(Objects.ref(t.resource(), name) + " rolled back");
            return 0;
        }
    }

    @Command(name = "restart", description = "Restart a resource.")
    public static final class Restart extends OnDeployment {
        public Restart(Session s) {
            super(s);
        }

        @Override
        public Integer call() {
            ResourceArgs.Target t = target();
            String name = t.names().get(0);
            s.client().get(t.resource().path(s.namespace(), name));
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\"" + now + "\"}}}}}";
            s.client().patch(new Query().add("fieldManager", "kubectl-rollout").on(t.resource().path(s.namespace(), name)),
                    "application/strategic-merge-patch+json", patch.getBytes(StandardCharsets.UTF_8));
            s.out.println(Objects.ref(t.resource(), name) + " restarted");
            return 0;
        }
    }
}
