package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.skiff.kubelet.runtime.RuntimeContainer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Computes a pod's status from what the runtime reports, pure and without I/O: containerStatuses
 * (state, lastState, restartCount, ready), the phase by Kubernetes' rules, and the four
 * conditions, keeping a condition's lastTransitionTime while its status is unchanged.
 */
public final class PodStatusBuilder {

    /** Whether a running container instance counts as started and ready (the probes' verdict). */
    public interface Readiness {
        boolean started(String containerId, Container c);

        boolean ready(String containerId, Container c);
    }

    private final String runtimeName;

    public PodStatusBuilder(String runtimeName) {
        this.runtimeName = runtimeName;
    }

    public PodStatus build(Pod pod, List<RuntimeContainer> instances, Map<String, Waiting> waiting, Readiness readiness,
                           String podIp, String hostIp, Instant startTime, PodStatus previous, Instant now) {
        String policy = pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
        List<ContainerStatus> init = new ArrayList<>();
        boolean initDone = true;
        boolean initFailed = false;
        for (Container c : list(pod.getSpec().getInitContainers())) {
            ContainerStatus s = status(c, instances, waiting, readiness, true);
            init.add(s);
            var t = s.getState().getTerminated();
            if (t == null || t.getExitCode() != 0) {
                initDone = false;
                boolean failedForGood = (t != null && t.getExitCode() != 0 || lastFailed(s)) && policy.equals("Never");
                initFailed |= failedForGood;
            }
        }
        List<ContainerStatus> apps = new ArrayList<>();
        for (Container c : pod.getSpec().getContainers()) {
            ContainerStatus s = status(c, instances, waiting, readiness, false);
            if (!initDone && s.getState().getWaiting() != null && s.getLastState().getTerminated() == null
                    && s.getState().getWaiting().getReason().equals("ContainerCreating")) {
                s.getState().getWaiting().setReason("PodInitializing");
            }
            apps.add(s);
        }
        String phase = initFailed ? "Failed" : !initDone ? "Pending" : phase(apps, policy);
        boolean containersReady = apps.stream().allMatch(ContainerStatus::getReady) && !apps.isEmpty();
        List<String> unready = apps.stream().filter(s -> !s.getReady()).map(ContainerStatus::getName).toList();
        String reason = phase.equals("Succeeded") || phase.equals("Failed") ? "PodCompleted" : "ContainersNotReady";
        List<PodCondition> conditions = new ArrayList<>();
        conditions.add(condition(previous, "PodScheduled", true, null, null, now));
        conditions.add(initDone || phase.equals("Succeeded")
                ? condition(previous, "Initialized", true, null, null, now)
                : condition(previous, "Initialized", false, "ContainersNotInitialized",
                "containers with incomplete status: " + names(init, s -> s.getState().getTerminated() == null || s.getState().getTerminated().getExitCode() != 0), now));
        conditions.add(containersReady ? condition(previous, "ContainersReady", true, null, null, now)
                : condition(previous, "ContainersReady", false, reason, reason.equals("PodCompleted") ? null : "containers with unready status: " + unready, now));
        conditions.add(containersReady ? condition(previous, "Ready", true, null, null, now)
                : condition(previous, "Ready", false, reason, reason.equals("PodCompleted") ? null : "containers with unready status: " + unready, now));

        PodStatus st = new PodStatus();
        st.setPhase(phase);
        st.setConditions(conditions);
        st.setHostIP(hostIp);
        st.setHostIPs(hostIp == null ? null : List.of(new HostIP(hostIp)));
        st.setPodIP(podIp);
        st.setPodIPs(podIp == null ? null : List.of(new PodIP(podIp)));
        st.setStartTime(Times.format(startTime));
        st.setInitContainerStatuses(init.isEmpty() ? null : init);
        st.setContainerStatuses(apps);
        st.setQosClass(previous != null && previous.getQosClass() != null ? previous.getQosClass() : qos(pod));
        return st;
    }

    private ContainerStatus status(Container c, List<RuntimeContainer> instances, Map<String, Waiting> waiting,
                                   Readiness readiness, boolean initContainer) {
        List<RuntimeContainer> mine = instances.stream().filter(i -> i.name().equals(c.getName()))
                .sorted(Comparator.comparingInt(RuntimeContainer::attempt).reversed()).toList();
        RuntimeContainer latest = mine.isEmpty() ? null : mine.get(0);
        RuntimeContainer previous = mine.size() > 1 ? mine.get(1) : null;
        Waiting w = waiting.get(c.getName());
        ContainerStatusBuilder b = new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
                .withImageID("").withRestartCount(latest == null ? 0 : latest.attempt());
        ContainerState state;
        ContainerState last = new ContainerState();
        boolean ready = false;
        boolean started = false;
        if (latest != null && latest.running() && w == null) {
            state = new ContainerStateBuilder().withNewRunning().withStartedAt(Times.format(latest.startedAt())).endRunning().build();
            started = readiness.started(latest.id(), c);
            ready = !initContainer && readiness.ready(latest.id(), c);
            if (previous != null && previous.exited()) {
                last = terminated(previous);
            }
        } else if (latest != null && latest.exited() && w == null) {
            state = terminated(latest);
            if (previous != null && previous.exited()) {
                last = terminated(previous);
            }
        } else {
            Waiting shown = w != null ? w : new Waiting("ContainerCreating", null);
            state = new ContainerStateBuilder().withNewWaiting().withReason(shown.reason()).withMessage(shown.message()).endWaiting().build();
            if (latest != null && latest.exited()) {
                last = terminated(latest);
            }
        }
        if (latest != null) {
            b.withContainerID(runtimeName + "://" + latest.id());
            b.withImageID(latest.imageId() == null ? "" : latest.imageId());
        }
        return b.withState(state).withLastState(last).withReady(ready).withStarted(started).build();
    }

    private ContainerState terminated(RuntimeContainer c) {
        String reason = c.oomKilled() ? "OOMKilled" : c.exitCode() == 0 ? "Completed" : "Error";
        return new ContainerStateBuilder().withNewTerminated().withExitCode(c.exitCode()).withReason(reason)
                .withMessage(c.error() == null || c.error().isEmpty() ? null : c.error())
                .withStartedAt(Times.format(c.startedAt())).withFinishedAt(Times.format(c.finishedAt()))
                .withContainerID(runtimeName + "://" + c.id()).endTerminated().build();
    }

    /** Kubernetes' getPhase: a container waiting after a termination (back-off) counts as stopped. */
    static String phase(List<ContainerStatus> apps, String policy) {
        int waiting = 0;
        int running = 0;
        int stopped = 0;
        int succeeded = 0;
        for (ContainerStatus s : apps) {
            if (s.getState().getRunning() != null) {
                running++;
            } else if (s.getState().getTerminated() != null) {
                stopped++;
                if (s.getState().getTerminated().getExitCode() == 0) {
                    succeeded++;
                }
            } else if (s.getLastState().getTerminated() != null) {
                stopped++;
                if (s.getLastState().getTerminated().getExitCode() == 0) {
                    succeeded++;
                }
            } else {
                waiting++;
            }
        }
        if (waiting > 0) {
            return "Pending";
        }
        if (running > 0) {
            return "Running";
        }
        if (stopped > 0) {
            if (policy.equals("Always")) {
                return "Running";
            }
            if (stopped == succeeded) {
                return "Succeeded";
            }
            return policy.equals("Never") ? "Failed" : "Running";
        }
        return "Pending";
    }

    private static boolean lastFailed(ContainerStatus s) {
        var t = s.getLastState().getTerminated();
        return t != null && t.getExitCode() != 0;
    }

    private static PodCondition condition(PodStatus previous, String type, boolean status, String reason, String message, Instant now) {
        String value = status ? "True" : "False";
        String since = Times.format(now);
        if (previous != null && previous.getConditions() != null) {
            for (PodCondition c : previous.getConditions()) {
                if (c.getType().equals(type) && value.equals(c.getStatus()) && c.getLastTransitionTime() != null) {
                    since = c.getLastTransitionTime();
                }
            }
        }
        PodCondition c = new PodCondition();
        c.setType(type);
        c.setStatus(value);
        c.setReason(reason);
        c.setMessage(message);
        c.setLastTransitionTime(since);
        c.setLastProbeTime(null);
        return c;
    }

    private static String names(List<ContainerStatus> l, java.util.function.Predicate<ContainerStatus> p) {
        return l.stream().filter(p).map(ContainerStatus::getName).toList().toString();
    }

    static String qos(Pod pod) {
        boolean any = false;
        boolean guaranteed = true;
        for (Container c : pod.getSpec().getContainers()) {
            var r = c.getResources();
            Map<String, io.fabric8.kubernetes.api.model.Quantity> req = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
            Map<String, io.fabric8.kubernetes.api.model.Quantity> lim = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
            any |= !req.isEmpty() || !lim.isEmpty();
            guaranteed &= lim.containsKey("cpu") && lim.containsKey("memory")
                    && (!req.containsKey("cpu") || req.get("cpu").equals(lim.get("cpu")))
                    && (!req.containsKey("memory") || req.get("memory").equals(lim.get("memory")));
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
