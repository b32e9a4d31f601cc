package io.skiff.kubelet.pod;

import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.RuntimeSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Removes what no pod needs any more: every sandbox and container of a pod this kubelet does
 * not know (deleted while it was down), exited sandboxes but a pod's newest one, and exited
 * container instances older than the newest dead one (which still tells lastState).
 * Runs only after the first full list of the node's pods, so a restarted kubelet never
 * collects a pod it has not yet heard of.
 */
public final class ContainerGC {
    private static final Logger log = LoggerFactory.getLogger(ContainerGC.class);

    private final ContainerRuntime runtime;
    private final String node;
    private final VolumeManager volumes;

    public ContainerGC(ContainerRuntime runtime, String node, VolumeManager volumes) {
        this.runtime = runtime;
        this.node = node;
        this.volumes = volumes;
    }

    public void collect(Set<String> knownPods) {
        try {
            List<RuntimeContainer> containers = runtime.listContainers(node);
            for (RuntimeContainer c : containers) {
                if (!knownPods.contains(c.pod().uid())) {
                    log.info("removing container {} of unknown pod {}", c.name(), c.pod().fullName());
                    runtime.stopContainer(c.id(), Duration.ZERO);
                    runtime.removeContainer(c.id());
                }
            }
            Map<String, List<RuntimeContainer>> byContainer = containers.stream().filter(c -> knownPods.contains(c.pod().uid()))
                    .collect(Collectors.groupingBy(c -> c.pod().uid() + "/" + c.name()));
            for (List<RuntimeContainer> instances : byContainer.values()) {
                List<RuntimeContainer> dead = new ArrayList<>(instances.stream().filter(c -> !c.running()).toList());
                dead.sort(Comparator.comparingInt(RuntimeContainer::attempt).reversed());
                for (RuntimeContainer old : dead.subList(Math.min(1, dead.size()), dead.size())) {
                    runtime.removeContainer(old.id());
                }
            }
            Map<String, List<RuntimeSandbox>> sandboxes = runtime.listSandboxes(node).stream()
                    .collect(Collectors.groupingBy(s -> s.pod().uid()));
            for (var e : sandboxes.entrySet()) {
                boolean known = knownPods.contains(e.getKey());
                int newest = e.getValue().stream().mapToInt(RuntimeSandbox::attempt).max().orElse(0);
                for (RuntimeSandbox s : e.getValue()) {
                    if (!known || (!s.running() && s.attempt() < newest)) {
                        runtime.stopSandbox(s.id());
                        runtime.removeSandbox(s.id());
                    }
                }
                if (!known) {
                    volumes.cleanup(e.getKey());
                }
            }
        } catch (RuntimeException e) {
            log.warn("container garbage collection failed: {}", e.toString());
        }
    }
}
