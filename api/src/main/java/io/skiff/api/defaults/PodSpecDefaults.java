package io.skiff.api.defaults;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;

import java.util.List;

/**
 * Defaults of every PodSpec, in pods and in workload templates alike. Pod-only defaults live in
 * {@link PodDefaults}, as in Kubernetes, so templates do not grow fields their pods get anyway.
 */
final class PodSpecDefaults {
    static final long TERMINATION_GRACE_PERIOD_SECONDS = 30;
    static final String SCHEDULER_NAME = "default-scheduler";

    private PodSpecDefaults() {
    }

    static void apply(PodSpec spec) {
        if (ContainerDefaults.isEmpty(spec.getDnsPolicy())) {
            spec.setDnsPolicy("ClusterFirst");
        }
        if (ContainerDefaults.isEmpty(spec.getRestartPolicy())) {
            spec.setRestartPolicy("Always");
        }
        if (spec.getSecurityContext() == null) {
            spec.setSecurityContext(new PodSecurityContext());
        }
        if (spec.getTerminationGracePeriodSeconds() == null) {
            spec.setTerminationGracePeriodSeconds(TERMINATION_GRACE_PERIOD_SECONDS);
        }
        if (ContainerDefaults.isEmpty(spec.getSchedulerName())) {
            spec.setSchedulerName(SCHEDULER_NAME);
        }
        for (Container c : list(spec.getContainers())) {
            ContainerDefaults.apply(c);
        }
        for (Container c : list(spec.getInitContainers())) {
            ContainerDefaults.apply(c);
        }
        for (EphemeralContainer c : list(spec.getEphemeralContainers())) {
            ContainerDefaults.apply(c);
        }
        for (Volume v : list(spec.getVolumes())) {
            VolumeDefaults.apply(v);
        }
    }

    /** A workload's pod template; a missing spec is created, as Kubernetes' template is never nil. */
    static void applyTemplate(PodTemplateSpec template) {
        if (template.getSpec() == null) {
            template.setSpec(new PodSpec());
        }
        apply(template.getSpec());
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
