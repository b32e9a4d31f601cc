package io.skiff.scheduler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes core/v1 Events about pods ({@code Scheduled}, {@code FailedScheduling}) off the scheduling
 * thread. Like Kubernetes' recorder it is best effort: a repeat of the same reason and message for
 * the same pod bumps {@code count} and {@code lastTimestamp} of the earlier Event, and when the
 * API server cannot keep up the backlog is bounded and further events are dropped, never the
 * scheduling itself slowed down.
 */
final class EventRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
    private static final int BACKLOG = 20_000;
    private static final int REMEMBERED = 4_096;

    private final KubernetesClient client;
    private final String component;
    private final String instance;
    private final ThreadPoolExecutor writers;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    /** Recent events by (pod UID, reason, message), for aggregation; guarded by itself. */
    private final Map<String, Recorded> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recorded> e) {
            return size() > REMEMBERED;
        }
    };

    private record Recorded(String namespace, String name, int count) {
    }

    EventRecorder(KubernetesClient client, String component, String instance) {
        this.client = client;
        this.component = component;
        this.instance = instance;
        this.writers = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG),
                r -> {
                    Thread t = new Thread(r, "scheduler-events");
                    t.setDaemon(true);
                    return t;
                }, (r, pool) -> dropped.incrementAndGet());
    }

    void scheduled(Pod pod, String node) {
        record(pod, "Normal", "Scheduled", "Successfully assigned " + pod.getMetadata().getNamespace() + "/"
                + pod.getMetadata().getName() + " to " + node);
    }

    void failedScheduling(Pod pod, String message) {
        record(pod, "Warning", "FailedScheduling", message);
    }

    long dropped() {
        return dropped.get();
    }

    private void record(Pod pod, String type, String reason, String message) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        writers.execute(() -> {
            try {
                write(pod, type, reason, message, now);
            } catch (RuntimeException e) {
                log.debug("could not write event {} for pod {}/{}: {}", reason, pod.getMetadata().getNamespace(),
                        pod.getMetadata().getName(), e.getMessage());
            }
        });
    }

    private void write(Pod pod, String type, String reason, String message, String now) {
        String key = pod.getMetadata().getUid() + "\0" + reason + "\0" + message;
        Recorded earlier;
        synchronized (recent) {
            earlier = recent.get(key);
        }
        if (earlier != null) {
            int count = earlier.count() + 1;
            client.v1().events().inNamespace(earlier.namespace()).withName(earlier.name())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"count\":" + count + ",\"lastTimestamp\":\"" + now + "\"}");
            synchronized (recent) {
                recent.put(key, new Recorded(earlier.namespace(), earlier.name(), count));
            }
            return;
        }
        String name = pod.getMetadata().getName() + "." + Long.toHexString(System.currentTimeMillis() * 1_000_000 + sequence.incrementAndGet() % 1_000_000);
        Event event = new EventBuilder()
                .withNewMetadata().withName(name).withNamespace(pod.getMetadata().getNamespace()).endMetadata()
                .withNewInvolvedObject().withApiVersion("v1").withKind("Pod").withNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid())
                .withResourceVersion(pod.getMetadata().getResourceVersion()).endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message)
                .withNewSource().withComponent(component).endSource()
                .withReportingComponent(component).withReportingInstance(instance)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
        client.v1().events().inNamespace(pod.getMetadata().getNamespace()).resource(event).create();
        synchronized (recent) {
            recent.put(key, new Recorded(pod.getMetadata().getNamespace(), name, 1));
        }
    }

    @Override
    public void close() {
        writers.shutdown();
        try {
            writers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writers.shutdownNow();
    }
}
