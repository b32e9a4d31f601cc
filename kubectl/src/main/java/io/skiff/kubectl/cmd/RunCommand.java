package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code kubectl run NAME --image=…}: one pod labelled {@code run=NAME} (or {@code --labels}). */
@Command(name = "run", description = "Create and run a particular image in a pod.")
public final class RunCommand extends SessionCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;
    @Parameters(index = "1..*", paramLabel = "ARGS")
    List<String> args = new ArrayList<>();
    @Option(names = "--image", required = true, description = "The image for the container to run.")
    String image;
    @Option(names = "--port", description = "The port that this container exposes.")
    Integer port;
    @Option(names = {"-l", "--labels"}, description = "Comma separated labels to apply to the pod(s).")
    String labels;
    @Option(names = "--env", description = "Environment variables to set in the container.")
    List<String> env = new ArrayList<>();
    @Option(names = "--restart", description = "The restart policy for this Pod. Legal values [Always, OnFailure, Never].")
    String restart = "Always";
    @Option(names = "--command", description = "If true and extra arguments are present, use them as the 'command' field in the container.")
    boolean command;
    @Option(names = "--image-pull-policy", description = "The image pull policy for the container.")
    String pullPolicy;
    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "unchanged", description = "Must be \"none\", \"server\", or \"client\".")
    String dryRun = "none";
    @Option(names = {"-o", "--output"}, description = "Output format.")
    String output;
    @Option(names = {"-i", "--stdin"}, description = "Keep stdin open on the container in the pod.")
    boolean stdin;
    @Option(names = {"-t", "--tty"}, description = "Allocate a TTY for the container in the pod.")
    boolean tty;
    @Option(names = "--rm", description = "If true, delete the pod after it exits.")
    boolean rm;

    public RunCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() {
        if (stdin || tty || rm) {
            throw new KubectlException("attaching to a pod (-i, -t, --rm) is not supported by this kubectl yet");
        }
        ObjectNode pod = Codec.object();
        pod.put("kind", "Pod").put("apiVersion", "v1");
        ObjectNode meta = pod.putObject("metadata");
        meta.put("name", name);
        ObjectNode l = meta.putObject("labels");
        if (labels == null) {
            l.put("run", name);
        } else {
            for (String kv : labels.split(",")) {
                String[] p = kv.split("=", 2);
                if (p.length != 2) {
                    throw new KubectlException("invalid label spec: " + kv);
                }
                l.put(p[0], p[1]);
            }
        }
        ObjectNode spec = pod.putObject("spec");
        ObjectNode c = spec.putArray("containers").addObject();
        c.put("name", name);
        c.put("image", image);
        if (!args.isEmpty()) {
            ArrayNode a = c.putArray(command ? "command" : "args");
            args.forEach(a::add);
        }
        if (!env.isEmpty()) {
            ArrayNode e = c.putArray("env");
            for (String kv : env) {
                String[] p = kv.split("=", 2);
                e.addObject().put("name", p[0]).put("value", p.length > 1 ? p[1] : "");
            }
        }
        if (port != null) {
            c.putArray("ports").addObject().put("containerPort", port);
        }
        if (pullPolicy != null) {
            c.put("imagePullPolicy", pullPolicy);
        }
        c.putObject("resources");
        spec.put("restartPolicy", restart);
        spec.put("dnsPolicy", "ClusterFirst");
        pod.putObject("status");
        ApiResource r = s.discovery().resolve("pods");
        JsonNode created = "client".equals(dryRun) ? pod : s.client().post(new Query().add("dryRun", "server".equals(dryRun) ? "All" : null)
                .add("fieldManager", "kubectl-run").on(r.path(s.namespace())), pod);
        CreateCommand.report(s, r, created, output, dryRun, "created");
        return 0;
    }
}
