package io.skiff.kubelet.pod;

import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.RuntimeSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Pod lifecycle event generator: relists the node's sandboxes and containers (every second)
 * and wakes the worker of each pod whose runtime state changed — a container exited, was
 * removed behind the kubelet's back, or a sandbox died.
 */
public final class Pleg {
    private static final Logger log = LoggerFactory.getLogger(Pleg.class);

    private final ContainerRuntime runtime;
    private final String node;
    private final Consumer<String> wake;
    private Map<String, Set<String>> last = new HashMap<>();

    public Pleg(ContainerRuntime runtime, String node, Consumer<String> wake) {
        this.runtime = runtime;
        this.node = node;
        this.wake = wake;
    }

    public void relist() {
        try {
            Map<String, Set<String>> now = new HashMap<>();
            for (RuntimeSandbox s : runtime.listSandboxes(node)) {
                now.computeIfAbsent(s.pod().uid(), k -> new TreeSet<>()).add(s.id() + ":" + s.running());
            }
            for (RuntimeContainer c : runtime.listContainers(node)) {
                now.computeIfAbsent(c.pod().uid(), k -> new TreeSet<>()).add(c.id() + ":" + c.state());
            }
            Set<String> uids = new TreeSet<>(now.keySet());
            uids.addAll(last.keySet());
            for (String uid : uids) {
                if (!java.util.Objects.equals(now.get(uid), last.get(uid))) {
                    wake.accept(uid);
                }
            }
            last = now;
        } catch (RuntimeException e) {
            log.warn("relisting the runtime failed: {}", e.toString());
        }
    }
}
