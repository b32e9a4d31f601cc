package io.skiff.kubelet.runtime;

import java.time.Duration;
import java.util.List;

/**
 * The kubelet's view of a container engine: pod sandboxes and the containers joined to them.
 *
 * <p>Contract: the runtime keeps no state of its own beyond what it labels on the engine's
 * objects ({@link RuntimeLabels}); listing by node returns exactly what one kubelet owns, so a
 * restarted kubelet adopts it and kubelets sharing an engine never see each other's objects.
 * Calls are synchronous and safe from several threads; a missing object on stop/remove is not
 * an error (they are idempotent); other failures are {@link RuntimeException}s the caller retries
 * on its next sync.
 */
public interface ContainerRuntime extends AutoCloseable {
    /** e.g. "docker"; with {@link #version()} forms the node's containerRuntimeVersion "docker://20.10.24". */
    String name();

    String version();

    List<RuntimeSandbox> listSandboxes(String node);

    List<RuntimeContainer> listContainers(String node);

    /** The containers of one pod only (the pod worker's view), every attempt still present. */
    List<RuntimeContainer> listContainers(String node, String podUid);

    /** The sandboxes of one pod only. */
    List<RuntimeSandbox> listSandboxes(String node, String podUid);

    /** Creates and starts a sandbox; returns it with its IP. */
    RuntimeSandbox runSandbox(SandboxConfig config);

    /** Stops the sandbox (no grace: it runs nothing but the namespace holder). */
    void stopSandbox(String id);

    void removeSandbox(String id);

    boolean hasImage(String image);

    void pullImage(String image) throws ImagePullException;

    /** Creates (not starts) a container joined to the sandbox's namespaces; returns its id. */
    String createContainer(String sandboxId, ContainerConfig config);

    void startContainer(String id);

    /** SIGTERM (or the image's stop signal), then SIGKILL after {@code grace}. */
    void stopContainer(String id, Duration grace);

    void removeContainer(String id);

    ExecResult exec(String containerId, List<String> command, Duration timeout);

    /** Copies the container's stdout and stderr to {@code out}; with follow, until the container stops or {@code out} fails. */
    void logs(String containerId, LogOptions options, java.io.OutputStream out) throws java.io.IOException;

    @Override
    void close();
}
