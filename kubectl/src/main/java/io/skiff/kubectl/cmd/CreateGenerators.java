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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The objects {@code kubectl create <kind> NAME …} builds, one generator per kind. */
public final class CreateGenerators {
    private CreateGenerators() {
    }

    /** Flags every generator shares, and the POST. */
    abstract static class Generator extends SessionCommand {
        @Option(names = "--dry-run", arity = "0..1", fallbackValue = "unchanged", description = "Must be \"none\", \"server\", or \"client\".")
        String dryRun = "none";
        @Option(names = {"-o", "--output"}, description = "Output format.")
        String output;

        Generator(Session s) {
            super(s);
        }

        abstract ObjectNode build();

        abstract String resource();

        /** kubectl wraps server errors of most generators in "failed to create …"; null keeps the server's text. */
        String errorPrefix() {
            return null;
        }

        @Override
        public Integer call() {
            ObjectNode obj = build();
            ApiResource r = s.discovery().resolve(resource());
            String ns = r.namespaced() ? s.namespace() : null;
            if (ns != null && !"client".equals(dryRun)) {
                // the server fills the namespace in; kubectl leaves it out of the body
                obj.with("metadata").remove("namespace");
            }
            JsonNode created;
            try {
                created = CreateCommand.post(s, r, ns, obj, dryRun, "strict");
            } catch (io.skiff.kubectl.http.ApiException e) {
                if (errorPrefix() == null) {
                    throw e;
                }
                throw new KubectlException(errorPrefix() + e.getMessage());
            }
            CreateCommand.report(s, r, created == null ? obj : created, output, dryRun, "created");
            return 0;
        }

        static ObjectNode object(String apiVersion, String kind, String name) {
            ObjectNode o = Codec.object();
            o.put("apiVersion", apiVersion).put("kind", kind);
            o.putObject("metadata").put("name", name);
            return o;
        }
    }

    @Command(name = "namespace", aliases = "ns", description = "Create a namespace with the specified name.")
    public static final class Namespace extends Generator {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        public Namespace(Session s) {
            super(s);
        }

        @Override
        ObjectNode build() {
            ObjectNode o = object("v1", "Namespace", name);
            o.putObject("spec");
            o.putObject("status");
            return o;
        }

        @Override
        String resource() {
            return "namespaces";
        }
    }

    @Command(name = "deployment", aliases = "deploy", description = "Create a deployment with the specified name.")
    public static final class Deployment extends Generator {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--image", required = true, description = "Image names to run.")
        List<String> images = new ArrayList<>();
        @Option(names = {"-r", "--replicas"}, description = "Number of replicas to create. Default is 1.")
        int replicas = 1;
        @Option(names = "--port", description = "The containerPort that this deployment exposes.")
        Integer port;

        public Deployment(Session s) {
            super(s);
        }

        @Override
        ObjectNode build() {
            ObjectNode o = object("apps/v1", "Deployment", name);
            o.with("metadata").putObject("labels").put("app", name);
            ObjectNode spec = o.putObject("spec");
            spec.put("replicas", replicas);
            spec.putObject("selector").putObject("matchLabels").put("app", name);
            ObjectNode template = spec.putObject("template");
            template.putObject("metadata").putObject("labels").put("app", name);
            ArrayNode containers = template.putObject("spec").putArray("containers");
            for (String image : images) {
                ObjectNode c = containers.addObject();
                c.put("name", containerName(image));
                c.put("image", image);
                if (port != null) {
                    c.putArray("ports").addObject().put("containerPort", port);
                }
                c.putObject("resources");
            }
            spec.putObject("strategy");
            o.putObject("status");
            return o;
        }

        /** "nginx" from "registry:5000/library/nginx:1.27". */
        static String containerName(String image) {
            String n = image.substring(image.lastIndexOf('/') + 1);
            int cut = n.indexOf('@') >= 0 ? n.indexOf('@') : n.indexOf(':');
            return (cut >= 0 ? n.substring(0, cut) : n).replaceAll("[^a-z0-9-]", "-");
        }

        @Override
        String resource() {
            return "deployments.apps";
        }

        @Override
        String errorPrefix() {
            return "failed to create deployment: ";
        }
    }

    @Command(name = "service", aliases = "svc", description = "Create a service using a specified subcommand.",
            subcommands = {ServiceGenerator.ClusterIp.class, ServiceGenerator.NodePort.class, ServiceGenerator.LoadBalancer.class})
    public static final class Service implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "configmap", aliases = "cm", description = "Create a config map from a local file, directory or literal value.")
    public static final class ConfigMap extends Generator {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--from-literal", description = "Specify a key and literal value to insert (i.e. mykey=somevalue)")
        List<String> literals = new ArrayList<>();
        @Option(names = "--from-file", description = "Key file can be specified using its file path.")
        List<String> fromFiles = new ArrayList<>();

        public ConfigMap(Session s) {
            super(s);
        }

        @Override
        ObjectNode build() {
            ObjectNode o = object("v1", "ConfigMap", name);
            ObjectNode data = o.putObject("data");
            DataSources.collect(literals, fromFiles).forEach((k, v) -> data.put(k, new String(v, java.nio.charset.StandardCharsets.UTF_8)));
            return o;
        }

        @Override
        String resource() {
            return "configmaps";
        }

        @Override
        String errorPrefix() {
            return "failed to create configmap: ";
        }
    }

    @Command(name = "secret", description = "Create a secret using a specified subcommand.", subcommands = SecretGeneric.class)
    public static final class Secret implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "generic", description = "Create a secret from a local file, directory, or literal value.")
    public static final class SecretGeneric extends Generator {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--from-literal", description = "Specify a key and literal value to insert in secret (i.e. mykey=somevalue)")
        List<String> literals = new ArrayList<>();
        @Option(names = "--from-file", description = "Key files can be specified using their file path.")
        List<String> fromFiles = new ArrayList<>();
        @Option(names = "--type", description = "The type of secret to create")
        String type;

        public SecretGeneric(Session s) {
            super(s);
        }

        @Override
        ObjectNode build() {
            ObjectNode o = object("v1", "Secret", name);
            ObjectNode data = o.putObject("data");
            DataSources.collect(literals, fromFiles).forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v)));
            if (type != null) {
                o.put("type", type);
            }
            return o;
        }

        @Override
        String resource() {
            return "secrets";
        }

        @Override
        String errorPrefix() {
            return "failed to create secret ";
        }
    }

    /** {@code --from-literal=k=v} and {@code --from-file=[key=]path} entries, in order. */
    static final class DataSources {
        private DataSources() {
        }

        static java.util.Map<String, byte[]> collect(List<String> literals, List<String> files) {
            java.util.Map<String, byte[]> out = new java.util.LinkedHashMap<>();
            for (String l : literals) {
                int eq = l.indexOf('=');
                if (eq <= 0) {
                    throw new KubectlException("invalid literal source " + l + ", expected key=value");
                }
                out.put(l.substring(0, eq), l.substring(eq + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String f : files) {
                int eq = f.indexOf('=');
                String key = eq > 0 ? f.substring(0, eq) : null;
                Path p = Path.of(eq > 0 ? f.substring(eq + 1) : f);
                try {
                    if (Files.isDirectory(p)) {
                        try (var list = Files.list(p)) {
                            for (Path x : list.filter(Files::isRegularFile).sorted().toList()) {
                                out.put(x.getFileName().toString(), Files.readAllBytes(x));
                            }
                        }
                    } else {
                        out.put(key != null ? key : p.getFileName().toString(), Files.readAllBytes(p));
                    }
                } catch (IOException e) {
                    throw new KubectlException("error reading " + p + ": no such file or directory");
                }
            }
            return out;
        }
    }
}
