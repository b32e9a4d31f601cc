package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.skiff.kubelet.runtime.ContainerState;
import io.skiff.kubelet.runtime.PodRef;
import io.skiff.kubelet.runtime.RuntimeContainer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PodStatusBuilderTest {
    private final Instant now = Instant.parse("2026-01-01T00:00:10Z");
    private final PodRef ref = new PodRef("n", "u", "p", "default");
    private final PodStatusBuilder builder = new PodStatusBuilder("docker");
    private final PodStatusBuilder.Readiness allReady = new PodStatusBuilder.Readiness() {
        @Override
        public boolean started(String id, Container c) {
            return true;
        }

        @Override
        public boolean ready(String id, Container c) {
            return true;
        }
    };

    private Pod pod(String policy) {
        return new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec().withRestartPolicy(policy)
                .addNewContainer().withName("a").withImage("busybox").endContainer().endSpec().build();
    }

    private RuntimeContainer instance(int attempt, ContainerState state, int exit) {
        return new RuntimeContainer("id" + attempt, ref, "a", attempt, "h", state, exit, false, null, now, now,
                state == ContainerState.EXITED ? now : null, "busybox", "sha256:x");
    }

    @Test
    void aRunningContainerMakesThePodRunningAndReady() {
        PodStatus s = builder.build(pod("Always"), List.of(instance(0, ContainerState.RUNNING, 0)), Map.of(), allReady,
                "10.244.0.2", "127.0.0.1", now, null, now);
        assertEquals("Running", s.getPhase());
        assertEquals("True", s.getConditions().get(3).getStatus());
        assertEquals("docker://id0", s.getContainerStatuses().get(0).getContainerID());
    }

    @Test
    void aContainerInBackOffShowsItsLastTerminationAndKeepsThePodRunning() {
        PodStatus s = builder.build(pod("Always"), List.of(instance(0, ContainerState.EXITED, 1), instance(1, ContainerState.EXITED, 1)),
                Map.of("a", new Waiting("CrashLoopBackOff", "back-off 10s")), allReady, "10.244.0.2", "127.0.0.1", now, null, now);
        var cs = s.getContainerStatuses().get(0);
        assertEquals("Running", s.getPhase());
        assertEquals("CrashLoopBackOff", cs.getState().getWaiting().getReason());
        assertEquals(1, cs.getLastState().getTerminated().getExitCode());
        assertEquals(1, cs.getRestartCount());
        assertEquals("False", s.getConditions().get(3).getStatus());
    }

    @Test
    void finishedContainersGiveSucceededOrFailedByRestartPolicy() {
        assertEquals("Succeeded", builder.build(pod("Never"), List.of(instance(0, ContainerState.EXITED, 0)), Map.of(), allReady,
                null, null, now, null, now).getPhase());
        assertEquals("Failed", builder.build(pod("Never"), List.of(instance(0, ContainerState.EXITED, 2)), Map.of(), allReady,
                null, null, now, null, now).getPhase());
        assertEquals("Running", builder.build(pod("OnFailure"), List.of(instance(0, ContainerState.EXITED, 2)), Map.of(), allReady,
                null, null, now, null, now).getPhase());
    }

    @Test
    void aContainerNotYetCreatedIsPendingAndConditionTimesAreKept() {
        PodStatus first = builder.build(pod("Always"), List.of(), Map.of(), allReady, null, null, now, null, now);
        assertEquals("Pending", first.getPhase());
        assertEquals("ContainerCreating", first.getContainerStatuses().get(0).getState().getWaiting().getReason());
        assertNull(first.getPodIP());
        PodStatus later = builder.build(pod("Always"), List.of(), Map.of(), allReady, null, null, now, first, now.plusSeconds(30));
        assertEquals(first.getConditions().get(3).getLastTransitionTime(), later.getConditions().get(3).getLastTransitionTime());
    }
}
