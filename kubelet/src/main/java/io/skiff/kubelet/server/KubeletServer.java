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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kubelet's HTTP API (port 10250), the part the API server proxies to: {@code /healthz},
 * {@code /pods} and {@code /containerLogs/{namespace}/{pod}/{container}} with kubectl's
 * {@code follow}, {@code tailLines}, {@code sinceSeconds}, {@code timestamps} and {@code previous}.
 * It has no authentication yet, so it binds to loopback unless told otherwise.
 */
public final class KubeletServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KubeletServer.class);

    private final String node;
    private final ContainerRuntime runtime;
    private final PodWorkers workers;
    private Javalin app;

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
