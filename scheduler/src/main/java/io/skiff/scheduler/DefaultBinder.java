package io.skiff.scheduler;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.skiff.scheduler.framework.BindPlugin;
import io.skiff.scheduler.framework.Status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Binds through {@code POST /api/v1/namespaces/NS/pods/NAME/binding}, asynchronously, so the
 * scheduling thread moves on to the next pod while the API server writes. The binding carries the
 * pod's UID, so a pod deleted and recreated under the same name is not bound by mistake.
 */
final class DefaultBinder implements BindPlugin {
    static final String NAME = "DefaultBinder";
    private final KubernetesClient client;
    private final String base;

    DefaultBinder(KubernetesClient client) {
        this.client = client;
        String master = client.getMasterUrl().toString();
        this.base = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<Status> bind(Pod pod, String nodeName) {
        Binding binding = new BindingBuilder()
                .withNewMetadata().withName(pod.getMetadata().getName()).withNamespace(pod.getMetadata().getNamespace())
                .withUid(pod.getMetadata().getUid()).endMetadata()
                .withNewTarget().withApiVersion("v1").withKind("Node").withName(nodeName).endTarget()
                .build();
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
                .uri(base + "/api/v1/namespaces/" + encode(pod.getMetadata().getNamespace()) + "/pods/"
                        + encode(pod.getMetadata().getName()) + "/binding")
                .post("application/json", client.getKubernetesSerialization().asJson(binding))
                .build();
        return client.getHttpClient().sendAsync(request, String.class).thenApply(response -> {
            if (response.isSuccessful()) {
                return Status.success();
            }
            return Status.error("Binding rejected: " + errorMessage(response.code(), response.body()));
        });
    }

    private String errorMessage(int code, String body) {
        try {
            io.fabric8.kubernetes.api.model.Status s = client.getKubernetesSerialization().unmarshal(body, io.fabric8.kubernetes.api.model.Status.class);
            if (s != null && s.getMessage() != null) {
                return s.getMessage();
            }
        } catch (RuntimeException ignored) {
            // not a Status object; fall back to the HTTP code
        }
        return "HTTP " + code;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
