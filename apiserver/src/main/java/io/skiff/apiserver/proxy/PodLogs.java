package io.skiff.apiserver.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.storage.ObjectStorage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET …/pods/NAME/log}: the container's log from its node's kubelet, streamed through
 * as it arrives (so {@code -f} follows), with kubectl's options passed on.
 */
public final class PodLogs {
    private static final List<String> PASSED_ON = List.of("follow", "previous", "tailLines", "sinceSeconds", "sinceTime",
            "timestamps", "limitBytes");
    private final ObjectStorage storage;
    private final KubeletLocator kubelets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PodLogs(ObjectStorage storage) {
        this.storage = storage;
        this.kubelets = new KubeletLocator(storage);
    }

    public void stream(Context ctx, String namespace, String name) throws IOException, InterruptedException {
        ObjectNode pod = storage.get(ResourceTypes.PODS, namespace, name);
        String container = container(pod, ctx.queryParam("container"));
        String node = pod.path("spec").path("nodeName").asText("");
        if (node.isEmpty()) {
            throw ApiException.badRequest("pod " + name + " does not have a host assigned");
        }
        StringBuilder url = new StringBuilder(kubelets.baseUrl(node)).append("/containerLogs/")
                .append(enc(namespace)).append('/').append(enc(name)).append('/').append(enc(container));
        char sep = '?';
        for (String p : PASSED_ON) {
            String v = ctx.queryParam(p);
            if (v != null) {
                url.append(sep).append(p).append('=').append(enc(v));
                sep = '&';
            }
        }
        HttpResponse<InputStream> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(url.toString())).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ApiException.serviceUnavailable("cannot reach the kubelet of node " + node + ": " + e.getMessage());
        }
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                throw new ApiException(r.statusCode() == 404 ? 404 : 400, r.statusCode() == 404 ? "NotFound" : "BadRequest",
                        text.isBlank() ? "the kubelet answered " + r.statusCode() : text.trim());
            }
            ctx.status(200);
            ctx.res().setContentType("text/plain");
            OutputStream out = ctx.res().getOutputStream();
            ctx.res().flushBuffer();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush(); // -f: each line reaches kubectl as it comes
            }
        }
    }

    /** The named container, or the only one; Kubernetes' messages otherwise. */
    private static String container(JsonNode pod, String requested) {
        List<String> names = new ArrayList<>();
        for (String list : new String[] {"initContainers", "containers"}) {
            pod.path("spec").path(list).forEach(c -> names.add(c.path("name").asText()));
        }
        String podName = pod.path("metadata").path("name").asText();
        if (requested != null && !requested.isEmpty()) {
            if (!names.contains(requested)) {
                throw ApiException.badRequest("container " + requested + " is not valid for pod " + podName);
            }
            return requested;
        }
        List<String> app = new ArrayList<>();
        pod.path("spec").path("containers").forEach(c -> app.add(c.path("name").asText()));
        if (app.size() == 1) {
            return app.get(0);
        }
        throw ApiException.badRequest("a container name must be specified for pod " + podName + ", choose one of: "
                + app.toString().replace(",", ""));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
