package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Session;
import picocli.CommandLine.Command;

/** {@code kubectl cluster-info}: the control plane and the kube-system services marked as cluster services. */
@Command(name = "cluster-info", description = "Display cluster information.")
public final class ClusterInfoCommand extends SessionCommand {
    public ClusterInfoCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() {
        String server = s.client().config().server();
        JsonNode services = s.client().get(new Query().add("labelSelector", "kubernetes.io/cluster-service=true")
                .on("/api/v1/namespaces/kube-system/services"));
        StringBuilder sb = new StringBuilder();
        sb.append(line("Kubernetes control plane", server));
        for (JsonNode svc : services.path("items")) {
            String name = svc.path("metadata").path("labels").path("kubernetes.io/name").asText(svc.path("metadata").path("name").asText());
            JsonNode port = svc.path("spec").path("ports").path(0);
            String p = port.path("name").asText("").isEmpty() ? port.path("port").asText() : port.path("name").asText();
            sb.append(line(name, server + "/api/v1/namespaces/kube-system/services/" + svc.path("metadata").path("name").asText() + ":" + p + "/proxy"));
        }
        sb.append("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
        s.out.print(sb);
        return 0;
    }

    /** Coloured like kubectl when writing to a terminal. */
    private static String line(String what, String url) {
        if (System.console() != null) {
            return "\033[0;32m" + what + "\033[0m is running at \033[0;33m" + url + "\033[0m\n";
        }
        return what + " is running at " + url + "\n";
    }
}
