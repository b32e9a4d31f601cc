package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;

/** {@code kubectl logs POD|TYPE/NAME [-c C] [-f] [--tail N] [--previous]}: the pod's log subresource, streamed. */
@Command(name = "logs", description = "Print the logs for a container in a pod.")
public final class LogsCommand extends SessionCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "POD | TYPE/NAME")
    String target;
    @Parameters(index = "1", arity = "0..1", paramLabel = "CONTAINER")
    String containerArg;
    @Option(names = {"-c", "--container"}, description = "Print the logs of this container")
    String container;
    @Option(names = {"-f", "--follow"}, description = "Specify if the logs should be streamed.")
    boolean follow;
    @Option(names = {"-p", "--previous"}, description = "If true, print the logs for the previous instance of the container in a pod if it exists.")
    boolean previous;
    @Option(names = "--tail", description = "Lines of recent log file to display.")
    long tail = -1;
    @Option(names = "--since", description = "Only return logs newer than a relative duration like 5s, 2m, or 3h.")
    String since;
    @Option(names = "--timestamps", description = "Include timestamps on each line in the log output")
    boolean timestamps;
    @Option(names = "--limit-bytes", description = "Maximum bytes of logs to return.")
    long limitBytes;

    public LogsCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() throws Exception {
        if (target == null) {
            throw new KubectlException("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument"
                    + " for the logs command\nSee 'kubectl logs -h' for help and examples");
        }
        String ns = s.namespace();
        JsonNode pod = pod(ns);
        String c = Containers.pick(s, pod, container != null ? container : containerArg, false);
        Query q = new Query().add("container", c);
        if (follow) {
            q.add("follow", "true");
        }
        if (limitBytes > 0) {
            q.add("limitBytes", Long.toString(limitBytes));
        }
        if (previous) {
            q.add("previous", "true");
        }
        if (since != null) {
            q.add("sinceSeconds", Long.toString(io.skiff.kubectl.Durations.parse(since).toSeconds()));
        }
        if (tail >= 0) {
            q.add("tailLines", Long.toString(tail));
        }
        if (timestamps) {
            q.add("timestamps", "true");
        }
        try (InputStream in = s.client().stream(q.on("/api/v1/namespaces/" + ns + "/pods/" + pod.path("metadata").path("name").asText() + "/log"), "application/json, */*")) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                s.out.write(buf, 0, n);
                if (follow) {
                    s.out.flush();
                }
            }
        }
        s.out.flush();
        return 0;
    }

    /** A pod by name, or the first pod a workload selects ({@code deploy/web}). */
    private JsonNode pod(String ns) {
        if (!target.contains("/")) {
            return s.client().get("/api/v1/namespaces/" + ns + "/pods/" + target);
        }
        ApiResource r = s.discovery().resolve(target.substring(0, target.indexOf('/')));
        String name = target.substring(target.indexOf('/') + 1);
        JsonNode obj = s.client().get(r.path(ns, name));
        if (r.kind().equals("Pod")) {
            return obj;
        }
        JsonNode sel = obj.path("spec").path("selector");
        JsonNode labels = sel.has("matchLabels") ? sel.path("matchLabels") : sel;
        String selector = io.skiff.kubectl.print.TablePrinter.labels(labels);
        JsonNode pods = s.client().get(new Query().add("labelSelector", selector).on("/api/v1/namespaces/" + ns + "/pods"));
        if (pods.path("items").isEmpty()) {
            throw new KubectlException("timed out waiting for the condition");
        }
        return pods.path("items").path(0);
    }
}
