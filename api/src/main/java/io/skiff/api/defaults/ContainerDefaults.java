package io.skiff.api.defaults;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Probe;

import java.util.List;

/** Container defaults: pull policy from the image tag, termination message, port protocols, probe timings. */
final class ContainerDefaults {
    static final String TERMINATION_MESSAGE_PATH = "/dev/termination-log";

    private ContainerDefaults() {
    }

    static void apply(Container c) {
        if (isEmpty(c.getImagePullPolicy())) {
            c.setImagePullPolicy(pullPolicy(c.getImage()));
        }
        if (isEmpty(c.getTerminationMessagePath())) {
            c.setTerminationMessagePath(TERMINATION_MESSAGE_PATH);
        }
        if (isEmpty(c.getTerminationMessagePolicy())) {
            c.setTerminationMessagePolicy("File");
        }
        ports(c.getPorts());
        env(c.getEnv());
        probe(c.getLivenessProbe());
        probe(c.getReadinessProbe());
        probe(c.getStartupProbe());
        lifecycle(c.getLifecycle());
    }

    static void apply(EphemeralContainer c) {
        if (isEmpty(c.getImagePullPolicy())) {
            c.setImagePullPolicy(pullPolicy(c.getImage()));
        }
        if (isEmpty(c.getTerminationMessagePath())) {
            c.setTerminationMessagePath(TERMINATION_MESSAGE_PATH);
        }
        if (isEmpty(c.getTerminationMessagePolicy())) {
            c.setTerminationMessagePolicy("File");
        }
        ports(c.getPorts());
        env(c.getEnv());
    }

    /**
     * "Always" for {@code :latest} or an untagged image (which means latest), "IfNotPresent" for any
     * other tag or for a digest: a pinned image need not be fetched again.
     */
    static String pullPolicy(String image) {
        if (image == null || image.isEmpty()) {
            return "IfNotPresent";
        }
        String ref = image;
        boolean digest = false;
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = true;
            ref = ref.substring(0, at);
        }
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        String tag = colon > slash ? ref.substring(colon + 1) : null;
        if (tag == null) {
            return digest ? "IfNotPresent" : "Always";
        }
        return tag.equals("latest") ? "Always" : "IfNotPresent";
    }

    private static void ports(List<ContainerPort> ports) {
        if (ports != null) {
            for (ContainerPort p : ports) {
                if (isEmpty(p.getProtocol())) {
                    p.setProtocol("TCP");
                }
            }
        }
    }

    private static void env(List<EnvVar> env) {
        if (env != null) {
            for (EnvVar e : env) {
                if (e.getValueFrom() != null) {
                    fieldSelector(e.getValueFrom().getFieldRef());
                }
            }
        }
    }

    static void fieldSelector(ObjectFieldSelector fs) {
        if (fs != null && isEmpty(fs.getApiVersion())) {
            fs.setApiVersion("v1");
        }
    }

    private static void probe(Probe p) {
        if (p == null) {
            return;
        }
        if (p.getTimeoutSeconds() == null || p.getTimeoutSeconds() == 0) {
            p.setTimeoutSeconds(1);
        }
        if (p.getPeriodSeconds() == null || p.getPeriodSeconds() == 0) {
            p.setPeriodSeconds(10);
        }
        if (p.getSuccessThreshold() == null || p.getSuccessThreshold() == 0) {
            p.setSuccessThreshold(1);
        }
        if (p.getFailureThreshold() == null || p.getFailureThreshold() == 0) {
            p.setFailureThreshold(3);
        }
        httpGet(p.getHttpGet());
    }

    private static void lifecycle(Lifecycle l) {
        if (l != null) {
            handler(l.getPostStart());
            handler(l.getPreStop());
        }
    }

    private static void handler(LifecycleHandler h) {
        if (h != null) {
            httpGet(h.getHttpGet());
        }
    }

    private static void httpGet(HTTPGetAction h) {
        if (h == null) {
            return;
        }
        if (isEmpty(h.getPath())) {
            h.setPath("/");
        }
        if (isEmpty(h.getScheme())) {
            h.setScheme("HTTP");
        }
    }

    static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
