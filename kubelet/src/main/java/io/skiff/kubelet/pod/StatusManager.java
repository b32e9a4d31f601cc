package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Writes a pod's status with a merge PATCH to /status, and only when it differs from what was last written. */
public final class StatusManager {
    private static final Logger log = LoggerFactory.getLogger(StatusManager.class);
    private final KubernetesClient client;

    public StatusManager(KubernetesClient client) {
        this.client = client;
    }

    /** @return true when a PATCH was sent */
    public boolean report(PodRecord rec, PodStatus status) {
        if (rec.lastSent != null && Serialization.asJson(rec.lastSent).equals(Serialization.asJson(status))) {
            return false;
        }
        var md = rec.pod.getMetadata();
        try {
            client.pods().inNamespace(md.getNamespace()).withName(md.getName()).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
            rec.lastSent = status;
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                log.debug("pod {}/{} is gone; status not written", md.getNamespace(), md.getName());
                return false;
            }
            throw e;
        }
    }
}
