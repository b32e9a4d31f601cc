package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.http.WebSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl exec POD [-c C] [-i] [-t] -- CMD…} over WebSocket with the
 * {@code v5.channel.k8s.io} protocol: channel 0 stdin, 1 stdout, 2 stderr, 3 status,
 * 4 terminal size, 255 close (end of stdin). The exit code comes from the status message.
 */
@Command(name = "exec", description = "Execute a command in a container.")
public final class ExecCommand extends SessionCommand {
    @Parameters(index = "0", paramLabel = "POD")
    String pod;
    @Parameters(index = "1..*", paramLabel = "COMMAND")
    List<String> command = new ArrayList<>();
    @Option(names = {"-c", "--container"}, description = "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation")
    String container;
    @Option(names = {"-i", "--stdin"}, description = "Pass stdin to the container")
    boolean stdin;
    @Option(names = {"-t", "--tty"}, description = "Stdin is a TTY")
    boolean tty;
    @Option(names = {"-q", "--quiet"}, description = "Only print output from the remote session")
    boolean quiet;

    public ExecCommand(Session s) {
        super(s);
    }

    @Override
    public Integer call() throws Exception {
        if (command.isEmpty()) {
            throw new KubectlException("you must specify at least one command for the container");
        }
        String name = pod.startsWith("pod/") || pod.startsWith("pods/") ? pod.substring(pod.indexOf('/') + 1) : pod;
        String ns = s.namespace();
        JsonNode p = s.client().get("/api/v1/namespaces/" + ns + "/pods/" + name);
        String c = Containers.pick(s, p, container, quiet);
        if (p.path("status").path("phase").asText().matches("Succeeded|Failed")) {
            throw new KubectlException("cannot exec into a container in a completed pod; current phase is " + p.path("status").path("phase").asText());
        }
        Query q = new Query();
        for (String part : command) {
            q.add("command", part);
        }
        q.add("container", c);
        if (stdin) {
            q.add("stdin", "true");
        }
        q.add("stdout", "true");
        if (!tty) {
            q.add("stderr", "true");
        }
        if (tty) {
            q.add("tty", "true");
        }
        Terminal term = tty && stdin ? Terminal.raw() : null;
        try (WebSocket ws = WebSocket.open(s.client(), q.on("/api/v1/namespaces/" + ns + "/pods/" + name + "/exec"),
                "v5.channel.k8s.io,v4.channel.k8s.io")) {
            if (term != null) {
                ws.sendChannel(4, term.sizeJson(), 0, term.sizeJson().length);
            }
            if (stdin) {
                Thread pump = new Thread(() -> pumpStdin(ws, s.in), "stdin");
                pump.setDaemon(true);
                pump.start();
            }
            return receive(ws);
        } finally {
            if (term != null) {
                term.restore();
            }
        }
    }

    private int receive(WebSocket ws) throws IOException {
        while (true) {
            WebSocket.Message m = ws.receive();
            if (m == null) {
                return 0;
            }
            if (m.data().length == 0) {
                continue;
            }
            int channel = m.data()[0] & 0xff;
            switch (channel) {
                case 1 -> {
                    s.out.write(m.data(), 1, m.data().length - 1);
                    s.out.flush();
                }
                case 2 -> {
                    s.err.write(m.data(), 1, m.data().length - 1);
                    s.err.flush();
                }
                case 3 -> {
                    return status(Codec.parse(java.util.Arrays.copyOfRange(m.data(), 1, m.data().length)));
                }
                default -> {
                    // other channels carry nothing for the client
                }
            }
        }
    }

    /** Success → 0; NonZeroExitCode → kubectl's message and that code; other failures → the message, 1. */
    private int status(JsonNode st) {
        if ("Success".equals(st.path("status").asText())) {
            return 0;
        }
        if ("NonZeroExitCode".equals(st.path("reason").asText())) {
            for (JsonNode cause : st.path("details").path("causes")) {
                if ("ExitCode".equals(cause.path("reason").asText())) {
                    int code = Integer.parseInt(cause.path("message").asText("1"));
                    throw KubectlException.raw("command terminated with exit code " + code, code);
                }
            }
        }
        throw new KubectlException(st.path("message").asText("exec failed"));
    }

    private static void pumpStdin(WebSocket ws, InputStream in) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                ws.sendChannel(0, buf, 0, n);
            }
            ws.sendChannel(255, new byte[]{0}, 0, 1); // v5: stdin is done
        } catch (IOException ignored) {
            // the session ended
        }
    }
}
