package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.time.temporal.ChronoUnit;

/**
 * Writes v1 Events about objects, as {@code kubectl describe} shows them. Asynchronous and
 * best effort, so that reconciles never wait for them: an event that cannot be written, or
 * that finds more than {@value #MAX_PENDING} others waiting, is dropped, never retried.
 */
final class EventRecorder {
    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
    private static final int MAX_PENDING = 1000;
    private static final ExecutorService WRITER = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_PENDING), r -> {
                Thread t = new Thread(r, "event-recorder");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());
    private final KubernetesClient client;
    private final String component;

    EventRecorder(KubernetesClient client, String component) {
        this.client = client;
        this.component = component;
    }

    void normal(HasMetadata obj, String reason, String message) {
        record(obj, "Normal", reason, message);
    }

    void warning(HasMetadata obj, String reason, String message) {
        record(obj, "Warning", reason, message);
    }

    private void record(HasMetadata obj, String type, String reason, String message) {
        WRITER.execute(() -> write(obj, type, reason, message));
    }

    private void write(HasMetadata obj, String type, String reason, String message) {
        String ns = obj.getMetadata().getNamespace() == null ? "default" : obj.getMetadata().getNamespace();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            client.v1().events().inNamespace(ns).resource(new EventBuilder()
                    .withNewMetadata().withGenerateName(obj.getMetadata().getName() + ".").withNamespace(ns).endMetadata()
                    .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(obj.getApiVersion()).withKind(obj.getKind())
                            .withName(obj.getMetadata().getName()).withNamespace(obj.getMetadata().getNamespace())
                            .withUid(obj.getMetadata().getUid()).withResourceVersion(obj.getMetadata().getResourceVersion()).build())
                    .withType(type).withReason(reason).withMessage(message)
                    .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                    .withNewSource().withComponent(component).endSource()
                    .build()).create();
        } catch (RuntimeException e) {
            log.debug("event {} for {} dropped: {}", reason, obj.getMetadata().getName(), e.toString());
        }
    }
}
