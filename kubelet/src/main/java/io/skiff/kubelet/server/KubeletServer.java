package io.skiff.kubelet.server;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.skiff.kubelet.pod.PodRecord;
import io.skiff.kubelet.pod.PodWorkers;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.LogOptions;
import io.skiff.kubelet.runtime.RuntimeContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kubelet's HTTP API (port 10250), the part the API server proxies to: {@code /healthz},
 * {@code /pods} and {@code /containerLogs/{namespace}/{pod}/{container}} with kubectl's
 * {@code follow}, {@code tailLines}, {@code sinceSeconds}, {@code timestamps} and {@code previous}, and
 * {@code /exec/{namespace}/{pod}/{container}} over WebSocket ({@code v5.channel.k8s.io}, v4, plain).
 * It has no authentication yet, so it binds to loopback unless told otherwise.
 */
public final class KubeletServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KubeletServer.class);

    private final String node;
    private final ContainerRuntime runtime;
    private final PodWorkers workers;
    private Javalin app;
    private final java.util.Map<String, ExecSession> execs = new java.util.concurrent.ConcurrentHashMap<>();

    public KubeletServer(String node, ContainerRuntime runtime, PodWorkers workers) {
        this.node = node;
        this.runtime = runtime;
        this.workers = workers;
    }

    public KubeletServer start(String bindAddress, int port) {
        app = Javalin.create(cfg -> cfg.showJavalinBanner = false)
                .get("/healthz", ctx -> ctx.result("ok"))
                .get("/pods", ctx -> ctx.contentType("application/json")
                        .result(Serialization.asJson(new PodListBuilder().withItems(workers.pods()).build())))
                .get("/containerLogs/{namespace}/{pod}/{container}", this::logs)
                .wsBeforeUpgrade("/exec/{namespace}/{pod}/{container}", ctx -> {
                    String chosen = ExecProtocols.choose(ctx.header("Sec-WebSocket-Protocol"));
                    if (chosen != null) {
                        ctx.header("Sec-WebSocket-Protocol", chosen);
                    }
                })
                .ws("/exec/{namespace}/{pod}/{container}", ws -> {
                    ws.onConnect(this::execConnect);
                    ws.onBinaryMessage(ctx -> {
                        ExecSession session = execs.get(ctx.sessionId());
                        if (session != null) {
                            session.receive(ctx.data(), ctx.offset(), ctx.length());
                        }
                    });
                    ws.onClose(ctx -> {
                        ExecSession session = execs.remove(ctx.sessionId());
                        if (session != null) {
                            session.closeInput();
                        }
                    });
                })
                .start(bindAddress, port);
        log.info("kubelet API listening on {}:{}", bindAddress, app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    private void logs(Context ctx) throws IOException {
        String ns = ctx.pathParam("namespace");
        String name = ctx.pathParam("pod");
        String container = ctx.pathParam("container");
        PodRecord rec = workers.find(ns, name).orElse(null);
        if (rec == null) {
            ctx.status(404).result("pod " + ns + "/" + name + " is not on node " + node);
            return;
        }
        Pod pod = rec.pod();
        boolean known = Stream.concat(pod.getSpec().getContainers().stream(),
                pod.getSpec().getInitContainers() == null ? Stream.<Container>empty() : pod.getSpec().getInitContainers().stream())
                .anyMatch(c -> c.getName().equals(container));
        if (!known) {
            ctx.status(400).result("container " + container + " is not valid for pod " + name);
            return;
        }
        boolean previous = bool(ctx, "previous");
        List<RuntimeContainer> instances = runtime.listContainers(node, rec.uid()).stream()
                .filter(c -> c.name().equals(container)).sorted(Comparator.comparingInt(RuntimeContainer::attempt).reversed()).toList();
        int index = previous ? 1 : 0;
        if (instances.size() <= index) {
            ctx.status(400).result(previous ? "previous terminated container \"" + container + "\" in pod \"" + name + "\" not found"
                    : "container \"" + container + "\" in pod \"" + name + "\" is waiting to start: ContainerCreating");
            return;
        }
        String tail = ctx.queryParam("tailLines");
        String since = ctx.queryParam("sinceSeconds");
        LogOptions opts = new LogOptions(bool(ctx, "follow") && !previous, tail == null ? -1 : Integer.parseInt(tail),
                since == null ? 0 : Long.parseLong(since), bool(ctx, "timestamps"));
        ctx.contentType("text/plain; charset=utf-8");
        var out = ctx.res().getOutputStream();
        try {
            runtime.logs(instances.get(index).id(), opts, out);
        } catch (IOException e) {
            log.debug("log stream of {}/{}/{} ended: {}", ns, name, container, e.getMessage());
        }
    }

    /** kubectl exec: the command runs in the pod's current container instance. */
    private void execConnect(io.javalin.websocket.WsConnectContext ctx) throws IOException {
        ctx.session.setIdleTimeout(java.time.Duration.ofHours(4));
        PodRecord rec = workers.find(ctx.pathParam("namespace"), ctx.pathParam("pod")).orElse(null);
        String container = ctx.pathParam("container");
        RuntimeContainer target = rec == null ? null : runtime.listContainers(node, rec.uid()).stream()
                .filter(c -> c.name().equals(container) && c.running()).findFirst().orElse(null);
        if (target == null || !(runtime instanceof io.skiff.kubelet.runtime.docker.DockerRuntime docker)) {
            String msg = target == null ? "container " + container + " is not running" : "exec is not supported by the " + runtime.name() + " runtime";
            ctx.send(ByteBuffer.wrap(("\u0003{\"metadata\":{},\"status\":\"Failure\",\"message\":" + Serialization.asJson(msg)
                    + ",\"reason\":\"BadRequest\",\"code\":400}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            ctx.closeSession(1000, "");
            return;
        }
        List<String> command = ctx.queryParamMap().getOrDefault("command", List.of());
        boolean stdin = "true".equals(ctx.queryParam("stdin")) || "1".equals(ctx.queryParam("stdin"));
        boolean tty = "true".equals(ctx.queryParam("tty")) || "1".equals(ctx.queryParam("tty"));
        ExecSession session = new ExecSession(docker.client(), ctx);
        execs.put(ctx.sessionId(), session);
        session.start(target.id(), command, stdin, tty);
        log.info("exec {} in container {} of pod {}/{}", command, container, rec.pod().getMetadata().getNamespace(), rec.pod().getMetadata().getName());
    }

    private static boolean bool(Context ctx, String param) {
        String v = ctx.queryParam(param);
        return v != null && (v.equals("true") || v.equals("1"));
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
