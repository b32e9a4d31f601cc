package io.skiff.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;

/** Kubernetes' toleration matching: same effect (or none), then Exists on the key (or every key) or Equal on key and value. */
final class Tolerations {
    private Tolerations() {
    }

    static boolean tolerates(Pod pod, Taint taint) {
        List<Toleration> ts = pod.getSpec() == null ? null : pod.getSpec().getTolerations();
        if (ts != null) {
            for (Toleration t : ts) {
                if (tolerates(t, taint)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean tolerates(Toleration t, Taint taint) {
        if (!empty(t.getEffect()) && !t.getEffect().equals(taint.getEffect())) {
            return false;
        }
        if (empty(t.getKey())) {
            return "Exists".equals(t.getOperator());
        }
        if (!t.getKey().equals(taint.getKey())) {
            return false;
        }
        if ("Exists".equals(t.getOperator())) {
            return true;
        }
        return nullToEmpty(t.getValue()).equals(nullToEmpty(taint.getValue()));
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
