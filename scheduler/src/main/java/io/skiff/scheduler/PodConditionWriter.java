package io.skiff.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sets {@code PodScheduled=False, reason Unschedulable} with the failure message on a pod that did
 * not fit, as Kubernetes does (kubectl describe shows it under Conditions). Off the scheduling
 * thread, best effort, and skipped when the pod already carries the same condition.
 */
final class PodConditionWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PodConditionWriter.class);
    private final KubernetesClient client;
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
            r -> {
                Thread t = new Thread(r, "scheduler-conditions");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    PodConditionWriter(KubernetesClient client) {
        this.client = client;
    }

    void unschedulable(Pod pod, String message) {
        if (alreadySet(pod, message)) {
            return;
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String patch = client.getKubernetesSerialization().asJson(Map.of("status", Map.of("conditions", java.util.List.of(Map.of(
                "type", "PodScheduled", "status", "False", "reason", "Unschedulable", "message", message,
                "lastTransitionTime", now)))));
        writer.execute(() -> {
            try {
                client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                        .subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
            } catch (RuntimeException e) {
                log.debug("could not set PodScheduled on {}/{}: {}", pod.getMetadata().getNamespace(), pod.getMetadata().getName(), e.getMessage());
            }
        });
    }

    private static boolean alreadySet(Pod pod, String message) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return false;
        }
        for (PodCondition c : pod.getStatus().getConditions()) {
            if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()) && message.equals(c.getMessage())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
