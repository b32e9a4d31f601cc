package io.skiff.kubelet.prober;

import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ExecResult;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Runs one probe against one container, as the kubelet does: httpGet to the pod IP (2xx/3xx
 * succeed), tcpSocket (a connection succeeds), exec inside the container (exit 0 succeeds);
 * each bounded by timeoutSeconds. Probe traffic goes only to the pod's own IP on this host.
 */
public final class Prober {
    private final ContainerRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Prober(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    public ProbeResult run(Probe probe, Container container, String containerId, String podIp) {
        Duration timeout = Duration.ofSeconds(probe.getTimeoutSeconds() == null ? 1 : probe.getTimeoutSeconds());
        try {
            if (probe.getExec() != null) {
                ExecResult r = runtime.exec(containerId, probe.getExec().getCommand(), timeout);
                return r.exitCode() == 0 ? ProbeResult.ok() : ProbeResult.fail("command exited " + r.exitCode() + ": " + r.output().strip());
            }
            String host = podIp;
            if (probe.getHttpGet() != null) {
                var g = probe.getHttpGet();
                if (g.getHost() != null && !g.getHost().isEmpty()) {
                    host = g.getHost();
                }
                String scheme = g.getScheme() == null ? "http" : g.getScheme().toLowerCase();
                String path = g.getPath() == null || g.getPath().isEmpty() ? "/" : g.getPath();
                URI uri = URI.create(scheme + "://" + host + ":" + port(g.getPort(), container) + (path.startsWith("/") ? path : "/" + path));
                HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "kube-probe/1.32");
                if (g.getHttpHeaders() != null) {
                    for (HTTPHeader h : g.getHttpHeaders()) {
                        req.header(h.getName(), h.getValue());
                    }
                }
                HttpResponse<Void> resp = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
                return resp.statusCode() >= 200 && resp.statusCode() < 400 ? ProbeResult.ok()
                        : ProbeResult.fail("HTTP probe failed with statuscode: " + resp.statusCode());
            }
            if (probe.getTcpSocket() != null) {
                if (probe.getTcpSocket().getHost() != null && !probe.getTcpSocket().getHost().isEmpty()) {
                    host = probe.getTcpSocket().getHost();
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(host, port(probe.getTcpSocket().getPort(), container)), (int) timeout.toMillis());
                    return ProbeResult.ok();
                }
            }
            return ProbeResult.fail("probe has no handler");
        } catch (IOException e) {
            return ProbeResult.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.fail("interrupted");
        } catch (RuntimeException e) {
            return ProbeResult.fail(e.getMessage());
        }
    }

    /** A port number, or a named container port. */
    static int port(IntOrString port, Container c) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                if (port.getStrVal().equals(p.getName())) {
                    return p.getContainerPort();
                }
            }
        }
        return Integer.parseInt(port.getStrVal());
    }
}
