package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;
import io.skiff.kubectl.discovery.UnknownResourceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubectl auth can-i VERB RESOURCE [NAME]}: a SelfSubjectAccessReview; "yes" exits 0, "no" exits 1. */
@Command(name = "auth", description = "Inspect authorization.", subcommands = AuthCommand.CanI.class)
public final class AuthCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "can-i", description = "Check whether an action is allowed.")
    public static final class CanI extends SessionCommand {
        @Parameters(index = "0", paramLabel = "VERB")
        String verb;
        @Parameters(index = "1", paramLabel = "TYPE[/NAME]")
        String resource;
        @Parameters(index = "2", arity = "0..1", paramLabel = "NAME")
        String name;
        @Option(names = {"-A", "--all-namespaces"}, description = "If true, check the specified action in all namespaces.")
        boolean allNamespaces;
        @Option(names = {"-q", "--quiet"}, description = "If true, suppress output and just return the exit code.")
        boolean quiet;
        @Option(names = "--subresource", description = "SubResource such as pod/log or deployment/scale")
        String subresource;

        public CanI(Session s) {
            super(s);
        }

        @Override
        public Integer call() {
            ObjectNode review = Codec.object();
            review.put("kind", "SelfSubjectAccessReview").put("apiVersion", "authorization.k8s.io/v1");
            review.putObject("metadata");
            ObjectNode attrs = review.putObject("spec").putObject("resourceAttributes");
            if (!allNamespaces) {
                attrs.put("namespace", s.namespace());
            }
            attrs.put("verb", verb);
            String type = resource;
            if (resource.contains("/")) {
                type = resource.substring(0, resource.indexOf('/'));
                name = resource.substring(resource.indexOf('/') + 1);
            }
            try {
                ApiResource r = s.discovery().resolve(type);
                if (!r.group().isEmpty()) {
                    attrs.put("group", r.group());
                }
                attrs.put("resource", r.resource());
            } catch (UnknownResourceException e) {
                s.err.println("Warning: the server doesn't have a resource type '" + type + "'");
                attrs.put("resource", type);
            }
            if (subresource != null) {
                attrs.put("subresource", subresource);
            }
            if (name != null) {
                attrs.put("name", name);
            }
            review.putObject("status").put("allowed", false);
            JsonNode result = s.client().post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review);
            boolean allowed = result.path("status").path("allowed").asBoolean(false);
            if (!quiet) {
                s.out.println(allowed ? "yes" : "no" + (result.path("status").hasNonNull("reason")
                        && !result.path("status").path("reason").asText().isEmpty() ? " - " + result.path("status").path("reason").asText() : ""));
            }
            return allowed ? 0 : 1;
        }
    }
}
