package io.skiff.kubelet.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.skiff.kubelet.images.PauseImage;
import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerState;
import io.skiff.kubelet.runtime.ExecResult;
import io.skiff.kubelet.runtime.ImagePullException;
import io.skiff.kubelet.runtime.Mount;
import io.skiff.kubelet.runtime.PodRef;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.RuntimeLabels;
import io.skiff.kubelet.runtime.RuntimeSandbox;
import io.skiff.kubelet.runtime.SandboxConfig;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@link ContainerRuntime} on the Docker Engine API (docker-java over the Unix socket). A pod
 * is a pause container on the {@code skiff} bridge network plus app containers in
 * {@code container:<sandbox>} network and IPC mode.
 */
public final class DockerRuntime implements ContainerRuntime {
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    private static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private final DockerClient docker;
    private final String sandboxImage;
    /** Inspect results by container id and listed state: an instance's details change only with its state. */
    private final Map<String, InspectContainerResponse> inspected = new ConcurrentHashMap<>();

    public DockerRuntime(String dockerHost, String sandboxImage, String clusterCidr, String gateway) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build();
        var http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(dockerHost)).maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofMinutes(10)).build();
        this.docker = DockerClientImpl.getInstance(config, http);
        this.sandboxImage = sandboxImage;
        PodNetwork.ensure(docker, clusterCidr, gateway);
    }

    public static DockerRuntime withDefaults() {
        return new DockerRuntime(DEFAULT_HOST, PauseImage.NAME, "10.244.0.0/16", "10.244.0.1");
    }

    /** Removes the {@code skiff} network unless another node's pods still use it (for {@code skiff down}). */
    public boolean removeNetworkIfUnused() {
        try {
            docker.removeNetworkCmd(PodNetwork.NAME).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public DockerClient client() {
        return docker;
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String version() {
        return docker.versionCmd().exec().getVersion();
    }

    @Override
    public List<RuntimeSandbox> listSandboxes(String node) {
        return listSandboxes(node, null);
    }

    @Override
    public List<RuntimeSandbox> listSandboxes(String node, String podUid) {
        List<RuntimeSandbox> out = new ArrayList<>();
        for (Container c : list(node, podUid, RuntimeLabels.SANDBOX)) {
            PodRef pod = RuntimeLabels.pod(c.getLabels()).orElseThrow();
            String ip = null;
            if (c.getNetworkSettings() != null && c.getNetworkSettings().getNetworks() != null) {
                ContainerNetwork n = c.getNetworkSettings().getNetworks().get(PodNetwork.NAME);
                ip = n == null || n.getIpAddress() == null || n.getIpAddress().isEmpty() ? null : n.getIpAddress();
            }
            out.add(new RuntimeSandbox(c.getId(), pod, RuntimeLabels.attempt(c.getLabels()), "running".equals(c.getState()),
                    ip, Instant.ofEpochSecond(c.getCreated())));
        }
        return out;
    }

    @Override
    public List<RuntimeContainer> listContainers(String node) {
        List<Container> listed = list(node, null, RuntimeLabels.APP);
        // forget details of instances that changed state or are gone (only a full listing knows)
        inspected.keySet().retainAll(listed.stream().map(c -> c.getId() + "/" + c.getState()).toList());
        return toContainers(listed);
    }

    @Override
    public List<RuntimeContainer> listContainers(String node, String podUid) {
        return toContainers(list(node, podUid, RuntimeLabels.APP));
    }

    private List<RuntimeContainer> toContainers(List<Container> listed) {
        List<RuntimeContainer> out = new ArrayList<>();
        for (Container c : listed) {
            InspectContainerResponse info = inspect(c);
            if (info != null) {
                out.add(toContainer(c, info));
            }
        }
        return out;
    }

    private List<Container> list(String node, String podUid, String kind) {
        Map<String, String> filter = new java.util.HashMap<>(Map.of(RuntimeLabels.NODE, node, RuntimeLabels.KIND, kind));
        if (podUid != null) {
            filter.put(RuntimeLabels.POD_UID, podUid);
        }
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec();
    }

    private InspectContainerResponse inspect(Container c) {
        return inspected.computeIfAbsent(c.getId() + "/" + c.getState(), k -> {
            try {
                return docker.inspectContainerCmd(c.getId()).exec();
            } catch (NotFoundException e) {
                return null;
            }
        });
    }

    private static RuntimeContainer toContainer(Container c, InspectContainerResponse info) {
        Map<String, String> labels = c.getLabels();
        var st = info.getState();
        ContainerState state = switch (String.valueOf(st.getStatus())) {
            case "running", "paused", "restarting" -> ContainerState.RUNNING;
            case "created" -> ContainerState.CREATED;
            case "exited", "dead" -> ContainerState.EXITED;
            default -> ContainerState.UNKNOWN;
        };
        return new RuntimeContainer(c.getId(), RuntimeLabels.pod(labels).orElseThrow(), labels.get(RuntimeLabels.CONTAINER),
                RuntimeLabels.attempt(labels), labels.get(RuntimeLabels.HASH), state,
                st.getExitCodeLong() == null ? 0 : st.getExitCodeLong().intValue(), Boolean.TRUE.equals(st.getOOMKilled()),
                st.getError(), Instant.ofEpochSecond(c.getCreated()), time(st.getStartedAt()), time(st.getFinishedAt()),
                info.getConfig() == null ? c.getImage() : info.getConfig().getImage(), info.getImageId());
    }

    private static Instant time(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        Instant t = Instant.parse(s);
        return t.equals(ZERO) ? null : t;
    }

    @Override
    public RuntimeSandbox runSandbox(SandboxConfig cfg) {
        PodRef pod = cfg.pod();
        CreateContainerCmd create = docker.createContainerCmd(sandboxImage)
                .withName(name("POD", pod, cfg.attempt()))
                .withLabels(RuntimeLabels.of(pod, RuntimeLabels.SANDBOX, "POD", cfg.attempt()))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(cfg.hostNetwork() ? "host" : PodNetwork.NAME)
                        .withIpcMode("shareable"));
        if (!cfg.hostNetwork()) {
            create.withHostName(cfg.hostname());
        }
        if (cfg.ip() != null && !cfg.hostNetwork()) {
            create.withIpv4Address(cfg.ip());
        }
        String id = create.exec().getId();
        try {
            docker.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            removeQuietly(id);
            throw e;
        }
        var net = docker.inspectContainerCmd(id).exec().getNetworkSettings().getNetworks().get(PodNetwork.NAME);
        return new RuntimeSandbox(id, pod, cfg.attempt(), true, net == null ? null : net.getIpAddress(), Instant.now());
    }

    @Override
    public void stopSandbox(String id) {
        stopContainer(id, Duration.ZERO);
    }

    @Override
    public void removeSandbox(String id) {
        removeQuietly(id);
    }

    @Override
    public boolean hasImage(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public void pullImage(String image) throws ImagePullException {
        ImageName ref = ImageName.parse(image);
        try {
            docker.pullImageCmd(ref.repository()).withTag(ref.tag()).start().awaitCompletion(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImagePullException("interrupted pulling " + image, e);
        } catch (RuntimeException e) {
            throw new ImagePullException("failed to pull image \"" + image + "\": " + e.getMessage(), e);
        }
        if (!hasImage(image)) {
            throw new ImagePullException("failed to pull image \"" + image + "\"", null);
        }
    }

    @Override
    public String createContainer(String sandboxId, ContainerConfig c) {
        List<Bind> binds = new ArrayList<>();
        for (Mount m : c.mounts()) {
            binds.add(new Bind(m.hostPath(), new Volume(m.containerPath()), m.readOnly() ? AccessMode.ro : AccessMode.rw));
        }
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("container:" + sandboxId)
                .withIpcMode("container:" + sandboxId)
                .withBinds(binds);
        if (c.memoryLimit() > 0) {
            host.withMemory(c.memoryLimit());
        }
        if (c.nanoCpus() > 0) {
            host.withNanoCPUs(c.nanoCpus());
        }
        if (c.cpuShares() > 0) {
            host.withCpuShares((int) c.cpuShares());
        }
        Map<String, String> labels = RuntimeLabels.of(c.pod(), RuntimeLabels.APP, c.name(), c.attempt());
        labels.put(RuntimeLabels.HASH, c.hash());
        CreateContainerCmd create = docker.createContainerCmd(c.image()).withName(name(c.name(), c.pod(), c.attempt()))
                .withLabels(labels).withEnv(c.env()).withHostConfig(host).withTty(c.tty()).withStdinOpen(c.stdin());
        if (c.entrypoint() != null) {
            create.withEntrypoint(c.entrypoint());
            create.withCmd(c.args() == null ? List.of() : c.args());
        } else if (c.args() != null) {
            create.withCmd(c.args());
        }
        if (c.workingDir() != null) {
            create.withWorkingDir(c.workingDir());
        }
        if (c.user() != null) {
            create.withUser(c.user());
        }
        return create.exec().getId();
    }

    @Override
    public void startContainer(String id) {
        docker.startContainerCmd(id).exec();
    }

    @Override
    public void stopContainer(String id, Duration grace) {
        try {
            // the API takes whole seconds: round up, a grace period is a minimum the process is given
            int seconds = (int) Math.max(0, (grace.toMillis() + 999) / 1000);
            docker.stopContainerCmd(id).withTimeout(seconds).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // already stopped or gone
        }
    }

    @Override
    public void removeContainer(String id) {
        removeQuietly(id);
    }

    private void removeQuietly(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                throw e;
            }
        }
    }

    @Override
    public ExecResult exec(String containerId, List<String> command, Duration timeout) {
        String execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        try (var cb = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (out) {
                    out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        })) {
            if (!cb.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new ExecResult(-1, "timed out after " + timeout.toSeconds() + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecResult(-1, "interrupted");
        } catch (IOException e) {
            return new ExecResult(-1, e.getMessage());
        }
        Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        synchronized (out) {
            return new ExecResult(code == null ? -1 : code.intValue(), out.toString());
        }
    }

    @Override
    public void logs(String containerId, io.skiff.kubelet.runtime.LogOptions o, java.io.OutputStream out) throws IOException {
        var cmd = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                .withFollowStream(o.follow()).withTimestamps(o.timestamps());
        if (o.tailLines() >= 0) {
            cmd.withTail(o.tailLines());
        }
        if (o.sinceSeconds() > 0) {
            cmd.withSince((int) (System.currentTimeMillis() / 1000 - o.sinceSeconds()));
        }
        IOException[] failed = new IOException[1];
        try (var cb = cmd.exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    out.write(frame.getPayload());
                    out.flush();
                } catch (IOException e) {
                    failed[0] = e; // the reader went away: stop following
                    try {
                        close();
                    } catch (IOException ignored) {
                        // closing the stream only
                    }
                }
            }
        })) {
            cb.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NotFoundException e) {
            throw new IOException("container " + containerId + " not found", e);
        }
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    /** Docker names are unique per engine: the pod UID's prefix keeps equal pod names on different nodes apart. */
    private static String name(String container, PodRef pod, int attempt) {
        return "skiff_" + container + "_" + pod.name() + "_" + pod.namespace() + "_" + pod.uid() + "_" + attempt;
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException e) {
            // closing the connection pool only
        }
    }
}
