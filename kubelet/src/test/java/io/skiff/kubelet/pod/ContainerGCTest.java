package io.skiff.kubelet.pod;

import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.PodRef;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.SandboxConfig;
import io.skiff.kubelet.runtime.fake.FakeRuntime;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContainerGCTest {
    private final FakeRuntime runtime = new FakeRuntime();

    private String run(PodRef pod, String sandbox, int attempt, boolean exited) {
        String id = runtime.createContainer(sandbox, new ContainerConfig(pod, "app", attempt, "h", "busybox", null, null,
                List.of(), List.of(), null, null, 0, 0, 0, false, false));
        runtime.startContainer(id);
        if (exited) {
            runtime.exit(id, 1);
        }
        return id;
    }

    @Test
    void removesUnknownPodsAndDeadInstancesButTheNewestDeadOne() {
        PodRef known = new PodRef("n1", "known", "a", "default");
        PodRef unknown = new PodRef("n1", "gone", "b", "default");
        PodRef otherNode = new PodRef("n2", "theirs", "c", "default");
        String sb1 = runtime.runSandbox(new SandboxConfig(known, 0, "a", null, false)).id();
        String sb2 = runtime.runSandbox(new SandboxConfig(unknown, 0, "b", null, false)).id();
        String sb3 = runtime.runSandbox(new SandboxConfig(otherNode, 0, "c", null, false)).id();
        run(known, sb1, 0, true);
        String previous = run(known, sb1, 1, true);
        String current = run(known, sb1, 2, false);
        run(unknown, sb2, 0, false);
        String theirs = run(otherNode, sb3, 0, true);

        new ContainerGC(runtime, "n1", new VolumeManager(Path.of("/nonexistent"), null)).collect(Set.of("known"));

        assertEquals(Set.of(previous, current, theirs), Set.copyOf(runtime.allContainers().stream().map(RuntimeContainer::id).toList()));
        assertEquals(List.of(sb1), runtime.listSandboxes("n1").stream().map(s -> s.id()).toList());
        assertEquals(1, runtime.listSandboxes("n2").size());
    }
}
