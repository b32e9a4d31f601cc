package io.skiff.kubelet.runtime.fake;

import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerState;
import io.skiff.kubelet.runtime.ExecResult;
import io.skiff.kubelet.runtime.ImagePullException;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.RuntimeSandbox;
import io.skiff.kubelet.runtime.SandboxConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Simulated containers for hollow nodes: every call succeeds at once and costs a map update,
 * so one JVM can host hundreds of nodes. Tests steer it: {@link #exit} ends a container with a
 * code (a crash), {@link #failPulls} makes pulls of an image fail, {@link #execHandler} answers exec.
 * One instance may serve several nodes; each node sees only its own objects, as with Docker.
 */
public final class FakeRuntime implements ContainerRuntime {
    private final Map<String, RuntimeSandbox> sandboxes = new ConcurrentHashMap<>();
    private final Map<String, RuntimeContainer> containers = new ConcurrentHashMap<>();
    private final Set<String> images = ConcurrentHashMap.newKeySet();
    private final Set<String> failingPulls = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger ips = new AtomicInteger();
    private final boolean allImagesPresent;
    private volatile Function<List<String>, ExecResult> execHandler = cmd -> new ExecResult(0, "");

    /** @param allImagesPresent true: every image counts as present (no pulls), as hollow nodes want */
    public FakeRuntime(boolean allImagesPresent) {
        this.allImagesPresent = allImagesPresent;
    }

    public FakeRuntime() {
        this(true);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public List<RuntimeSandbox> listSandboxes(String node) {
        return sandboxes.values().stream().filter(s -> s.pod().node().equals(node)).toList();
    }

    @Override
    public List<RuntimeSandbox> listSandboxes(String node, String podUid) {
        return listSandboxes(node).stream().filter(s -> s.pod().uid().equals(podUid)).toList();
    }

    @Override
    public List<RuntimeContainer> listContainers(String node) {
        return containers.values().stream().filter(c -> c.pod().node().equals(node)).toList();
    }

    @Override
    public List<RuntimeContainer> listContainers(String node, String podUid) {
        return listContainers(node).stream().filter(c -> c.pod().uid().equals(podUid)).toList();
    }

    @Override
    public RuntimeSandbox runSandbox(SandboxConfig cfg) {
        String ip = cfg.hostNetwork() ? null : cfg.ip() != null ? cfg.ip() : "10.250." + (ips.get() / 250 % 250) + "." + (ips.incrementAndGet() % 250 + 2);
        RuntimeSandbox s = new RuntimeSandbox(nextId(), cfg.pod(), cfg.attempt(), true, ip, Instant.now());
        sandboxes.put(s.id(), s);
        return s;
    }

    @Override
    public void stopSandbox(String id) {
        sandboxes.computeIfPresent(id, (k, s) -> new RuntimeSandbox(s.id(), s.pod(), s.attempt(), false, s.ip(), s.createdAt()));
    }

    @Override
    public void removeSandbox(String id) {
        sandboxes.remove(id);
    }

    @Override
    public boolean hasImage(String image) {
        return allImagesPresent || images.contains(image);
    }

    @Override
    public void pullImage(String image) throws ImagePullException {
        if (failingPulls.contains(image)) {
            throw new ImagePullException("failed to pull image \"" + image + "\": simulated failure", null);
        }
        images.add(image);
    }

    @Override
    public String createContainer(String sandboxId, ContainerConfig c) {
        if (!sandboxes.containsKey(sandboxId)) {
            throw new IllegalStateException("no sandbox " + sandboxId);
        }
        RuntimeContainer rc = new RuntimeContainer(nextId(), c.pod(), c.name(), c.attempt(), c.hash(), ContainerState.CREATED,
                0, false, null, Instant.now(), null, null, c.image(), "sha256:fake-" + c.image());
        containers.put(rc.id(), rc);
        return rc.id();
    }

    @Override
    public void startContainer(String id) {
        update(id, ContainerState.RUNNING, 0, Instant.now(), null);
    }

    @Override
    public void stopContainer(String id, Duration grace) {
        RuntimeContainer c = containers.get(id);
        if (c != null && c.running()) {
            // a process that handles SIGTERM exits 0; one killed at once reports 137 (128 + SIGKILL)
            update(id, ContainerState.EXITED, grace.isZero() ? 137 : 0, c.startedAt(), Instant.now());
        }
    }

    @Override
    public void removeContainer(String id) {
        containers.remove(id);
    }

    @Override
    public ExecResult exec(String containerId, List<String> command, Duration timeout) {
        return execHandler.apply(command);
    }

    /** A simulated container has printed one line: that it started. */
    @Override
    public void logs(String containerId, io.skiff.kubelet.runtime.LogOptions options, java.io.OutputStream out) throws java.io.IOException {
        RuntimeContainer c = containers.get(containerId);
        if (c != null && c.startedAt() != null) {
            String line = "simulated container " + c.name() + " started\n";
            out.write((options.timestamps() ? c.startedAt() + " " + line : line).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Ends a running container as its process would, with this exit code. */
    public void exit(String containerId, int exitCode) {
        RuntimeContainer c = containers.get(containerId);
        if (c != null && c.running()) {
            update(containerId, ContainerState.EXITED, exitCode, c.startedAt(), Instant.now());
        }
    }

    public void failPulls(String image) {
        failingPulls.add(image);
    }

    public void execHandler(Function<List<String>, ExecResult> handler) {
        this.execHandler = handler;
    }

    public List<RuntimeContainer> allContainers() {
        return new ArrayList<>(containers.values());
    }

    private void update(String id, ContainerState state, int exitCode, Instant started, Instant finished) {
        containers.computeIfPresent(id, (k, c) -> new RuntimeContainer(c.id(), c.pod(), c.name(), c.attempt(), c.hash(),
                state, exitCode, false, null, c.createdAt(), started, finished, c.image(), c.imageId()));
    }

    private String nextId() {
        return String.format("fake%012d", ids.incrementAndGet());
    }

    @Override
    public void close() {
    }
}
