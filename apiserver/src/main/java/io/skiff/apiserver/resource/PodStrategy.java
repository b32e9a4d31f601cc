package io.skiff.apiserver.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceTypes;
import io.skiff.apiserver.table.printers.PodPrinter;

/** Pods start Pending with a QoS class; deletion is graceful once a kubelet owns the pod. */
public final class PodStrategy extends GenericStrategy {
    private static final long DEFAULT_GRACE_SECONDS = 30;

    public PodStrategy() {
        super(ResourceTypes.PODS, new PodPrinter(), false);
    }

    @Override
    public void prepareForCreate(ObjectNode pod) {
        // the ServiceAccount admission step: every pod runs as some account, "default" unless named
        ObjectNode spec = pod.with("spec");
        if (spec.path("serviceAccountName").asText("").isEmpty()) {
            spec.put("serviceAccountName", spec.path("serviceAccount").asText("default"));
        }
        spec.put("serviceAccount", spec.path("serviceAccountName").asText());
        ObjectNode status = pod.putObject("status");
        status.put("phase", "Pending");
        status.put("qosClass", QosClass.of(pod.path("spec")));
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        ResourceStrategy.copyField(old, obj, "status");
    }

    /**
     * A pod no kubelet runs yet (unbound) or that has finished goes at once; a running one gets
     * its grace period so the kubelet can stop it.
     */
    @Override
    public long gracePeriod(ObjectNode pod, Long requested) {
        String phase = pod.path("status").path("phase").asText();
        if (pod.path("spec").path("nodeName").asText("").isEmpty() || phase.equals("Succeeded") || phase.equals("Failed")) {
            return 0;
        }
        if (requested != null) {
            return Math.max(0, requested);
        }
        JsonNode grace = pod.path("spec").path("terminationGracePeriodSeconds");
        return grace.isNumber() ? grace.asLong() : DEFAULT_GRACE_SECONDS;
    }

    @Override
    public boolean returnsDeletedObject() {
        return true;
    }
}
