package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.print.GoJson;
import io.skiff.kubectl.print.GoYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubectl version}: ours, then the server's {@code /version}. */
@Command(name = "version", description = "Print the client and server version information.")
public final class VersionCommand extends SessionCommand {
    /** The Kubernetes release whose kubectl behaviour this one follows. */
    public static final String CLIENT_VERSION = "v1.32.4-skiff";
    @Option(names = "--client", description = "If true, shows client version only (no server required).")
    boolean clientOnly;
    @Option(names = {"-o", "--output"}, description = "One of 'yaml' or 'json'.")
    String output;

    public VersionCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() {
        ObjectNode client = Codec.object();
        client.put("major", "1").put("minor", "32").put("gitVersion", CLIENT_VERSION)
                .put("platform", System.getProperty("os.name").toLowerCase() + "/" + arch());
        JsonNode server = clientOnly ? null : s.client().get("/version?timeout=32s");
        if (output != null) {
            ObjectNode all = Codec.object();
            all.set("clientVersion", client);
            if (server != null) {
                all.set("serverVersion", server);
            }
            s.out.print("json".equals(output) ? GoJson.indent(all) + "\n" : GoYaml.write(all));
            return 0;
        }
        s.out.println("Client Version: " + CLIENT_VERSION);
        if (server != null) {
            s.out.println("Server Version: " + server.path("gitVersion").asText());
        }
        return 0;
    }

    private static String arch() {
        String a = System.getProperty("os.arch");
        return a.equals("x86_64") || a.equals("amd64") ? "amd64" : a.equals("aarch64") ? "arm64" : a;
    }
}
