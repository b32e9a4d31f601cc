package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.skiff.kubelet.prober.ProbeManager;
import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerState;
import io.skiff.kubelet.runtime.ImagePullException;
import io.skiff.kubelet.runtime.PodRef;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.RuntimeSandbox;
import io.skiff.kubelet.runtime.SandboxConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * One pass of a pod's reconciliation (kubelet's syncPod), idempotent and level-based: compare
 * the pod spec with what the runtime has for the pod's UID and take the next step — sandbox,
 * init containers one at a time, app containers, restarts per restartPolicy with back-off,
 * liveness kills — then report the status. A deleted pod is killed with its grace period and,
 * once its containers are stopped, deleted from the API for good.
 */
public final class PodSyncer {
    private static final Logger log = LoggerFactory.getLogger(PodSyncer.class);

    private final String node;
    private final ContainerRuntime runtime;
    private final KubernetesClient client;
    private final VolumeManager volumes;
    private final EnvResolver env;
    private final PodIpAllocator ips;
    private final ProbeManager probes;
    private final StatusManager statuses;
    private final PodStatusBuilder statusBuilder;
    private final PodKiller killer;
    private final BackOff restartBackOff;
    private final BackOff pullBackOff;
    private final BiConsumer<String, Duration> wakeAfter;
    private final Clock clock;
    private final Map<String, Instant> pullAttempts = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String hostIp;

    public PodSyncer(String node, ContainerRuntime runtime, KubernetesClient client, Path rootDir, PodIpAllocator ips,
                     ProbeManager probes, Duration backOffInitial, BiConsumer<String, Duration> wakeAfter, Clock clock) {
        this.node = node;
        this.runtime = runtime;
        this.client = client;
        this.volumes = new VolumeManager(rootDir, client);
        this.env = new EnvResolver(client);
        this.ips = ips;
        this.probes = probes;
        this.statuses = new StatusManager(client);
        this.statusBuilder = new PodStatusBuilder(runtime.name());
        this.killer = new PodKiller(runtime);
        this.restartBackOff = new BackOff(backOffInitial, Duration.ofMinutes(5));
        this.pullBackOff = new BackOff(backOffInitial, Duration.ofMinutes(5));
        this.wakeAfter = wakeAfter;
        this.clock = clock;
    }

    public void hostIp(String ip) {
        this.hostIp = ip;
    }

    public VolumeManager volumes() {
        return volumes;
    }

    /** @return true when the pod is finished with and its record may be dropped */
    public boolean sync(PodRecord rec) throws IOException {
        Pod pod = rec.pod;
        List<RuntimeSandbox> sandboxes = runtime.listSandboxes(node, rec.uid);
        List<RuntimeContainer> containers = runtime.listContainers(node, rec.uid);
        if (rec.deleting()) {
            return terminate(rec, sandboxes, containers);
        }
        if (terminal(rec)) {
            stopAll(rec, sandboxes, containers);
            report(rec, runtime.listContainers(node, rec.uid));
            return false;
        }
        Optional<RuntimeSandbox> sandbox = sandboxes.stream().filter(RuntimeSandbox::running)
                .max(Comparator.comparingInt(RuntimeSandbox::attempt));
        if (sandbox.isEmpty()) {
            sandbox = Optional.ofNullable(newSandbox(rec, sandboxes, containers));
            if (sandbox.isEmpty()) {
                report(rec, containers);
                return false;
            }
            containers = runtime.listContainers(node, rec.uid);
        }
        RuntimeSandbox sb = sandbox.get();
        rec.podIp = Boolean.TRUE.equals(pod.getSpec().getHostNetwork()) ? hostIp : sb.ip();
        if (rec.startTime == null) {
            rec.startTime = clock.instant();
        }
        Map<String, Path> vols;
        try {
            vols = volumes.prepare(pod);
        } catch (ConfigError e) {
            log.warn("pod {}: volumes not ready: {}", key(pod), e.getMessage());
            wakeAfter.accept(rec.uid, Duration.ofSeconds(5));
            report(rec, containers);
            return false;
        }
        probes.retain(rec.uid, containers.stream().filter(RuntimeContainer::running).map(RuntimeContainer::id).collect(Collectors.toSet()));
        String policy = restartPolicy(pod);
        boolean initDone = true;
        for (Container c : list(pod.getSpec().getInitContainers())) {
            RuntimeContainer latest = latest(containers, c.getName());
            if (latest != null && latest.exited() && latest.exitCode() == 0) {
                rec.waiting.remove(c.getName());
                continue;
            }
            initDone = false;
            if (latest == null) {
                start(rec, sb, c, 0, vols);
            } else if (!latest.running() && (!policy.equals("Never"))) {
                restartAfterBackOff(rec, sb, c, latest, vols);
            }
            break;
        }
        if (initDone) {
            for (Container c : pod.getSpec().getContainers()) {
                syncAppContainer(rec, sb, c, latest(containers, c.getName()), policy, vols);
            }
        }
        report(rec, runtime.listContainers(node, rec.uid));
        return false;
    }

    private void syncAppContainer(PodRecord rec, RuntimeSandbox sb, Container c, RuntimeContainer latest, String policy,
                                  Map<String, Path> vols) throws IOException {
        if (latest == null) {
            start(rec, sb, c, 0, vols);
            return;
        }
        if (latest.running()) {
            String dying = probes.failedToLive(latest.id());
            boolean changed = !hash(c).equals(latest.hash());
            if (dying != null || changed) {
                log.info("container {} of pod {}: {}, will be restarted", c.getName(), key(rec.pod),
                        dying != null ? dying : "its spec changed");
                killer.stopContainer(rec.pod, c, latest, gracePeriod(rec.pod), hostIp, rec.podIp);
                probes.retain(rec.uid, Set.of());
                if (!policy.equals("Never")) {
                    wakeAfter.accept(rec.uid, Duration.ZERO);
                }
                return;
            }
            rec.waiting.remove(c.getName());
            probes.ensure(rec.uid, rec.pod.getMetadata().getName(), c, latest.id(), rec.podIp);
            return;
        }
        boolean failed = latest.exitCode() != 0 || latest.state() != ContainerState.EXITED;
        boolean restart = policy.equals("Always") || (policy.equals("OnFailure") && failed);
        if (restart) {
            restartAfterBackOff(rec, sb, c, latest, vols);
        } else {
            rec.waiting.remove(c.getName());
        }
    }

    private void restartAfterBackOff(PodRecord rec, RuntimeSandbox sb, Container c, RuntimeContainer latest, Map<String, Path> vols)
            throws IOException {
        String k = rec.uid + "/" + c.getName();
        Instant exitedAt = latest.finishedAt() != null ? latest.finishedAt() : latest.createdAt();
        Instant now = clock.instant();
        if (restartBackOff.inBackOffSince(k, exitedAt, now)) {
            Duration delay = restartBackOff.delay(k);
            rec.waiting.put(c.getName(), new Waiting("CrashLoopBackOff", "back-off " + delay.toSeconds() + "s restarting failed container="
                    + c.getName() + " pod=" + rec.pod.getMetadata().getName() + "_" + rec.pod.getMetadata().getNamespace()
                    + "(" + rec.uid + ")"));
            wakeAfter.accept(rec.uid, Duration.between(now, exitedAt.plus(delay)).plusMillis(50));
            return;
        }
        restartBackOff.next(k, exitedAt);
        start(rec, sb, c, latest.attempt() + 1, vols);
    }

    /** Pulls if needed, builds the container from the spec, creates and starts it. */
    private void start(PodRecord rec, RuntimeSandbox sb, Container c, int attempt, Map<String, Path> vols) {
        Pod pod = rec.pod;
        if (!ensureImage(rec, c)) {
            return;
        }
        ContainerConfig cfg;
        try {
            cfg = new ContainerConfig(podRef(pod), c.getName(), attempt, hash(c), c.getImage(), c.getCommand() == null || c.getCommand().isEmpty() ? null : c.getCommand(),
                    c.getArgs() == null || c.getArgs().isEmpty() ? null : c.getArgs(), env.resolve(pod, c, rec.podIp, hostIp),
                    volumes.mounts(c, vols), c.getWorkingDir(), user(pod, c), Resources.memoryLimitBytes(c), Resources.nanoCpus(c),
                    Resources.cpuShares(c), Boolean.TRUE.equals(c.getTty()), Boolean.TRUE.equals(c.getStdin()));
        } catch (ConfigError e) {
            rec.waiting.put(c.getName(), new Waiting("CreateContainerConfigError", e.getMessage()));
            wakeAfter.accept(rec.uid, Duration.ofSeconds(5));
            return;
        }
        String id;
        try {
            id = runtime.createContainer(sb.id(), cfg);
        } catch (RuntimeException e) {
            rec.waiting.put(c.getName(), new Waiting("CreateContainerError", e.getMessage()));
            wakeAfter.accept(rec.uid, Duration.ofSeconds(5));
            return;
        }
        try {
            runtime.startContainer(id);
            rec.waiting.remove(c.getName());
            log.info("started container {} of pod {} (image {}, attempt {})", c.getName(), key(pod), c.getImage(), attempt);
        } catch (RuntimeException e) {
            // the instance stays (created, never running) and counts as a failed run for back-off
            rec.waiting.put(c.getName(), new Waiting("RunContainerError", e.getMessage()));
            restartBackOff.next(rec.uid + "/" + c.getName(), clock.instant());
            wakeAfter.accept(rec.uid, restartBackOff.delay(rec.uid + "/" + c.getName()));
            log.info("container {} of pod {} failed to start: {}", c.getName(), key(pod), e.getMessage());
        }
    }

    private boolean ensureImage(PodRecord rec, Container c) {
        String k = rec.uid + "/" + c.getName() + "/pull";
        ImagePolicy.Decision d = ImagePolicy.decide(c, runtime.hasImage(c.getImage()));
        if (d == ImagePolicy.Decision.USE_LOCAL) {
            return true;
        }
        if (d == ImagePolicy.Decision.MISSING_NEVER_PULL) {
            rec.waiting.put(c.getName(), new Waiting("ErrImageNeverPull",
                    "Container image \"" + c.getImage() + "\" is not present with pull policy of Never"));
            wakeAfter.accept(rec.uid, Duration.ofSeconds(10));
            return false;
        }
        Instant now = clock.instant();
        Instant last = pullAttempts.get(k);
        if (last != null && pullBackOff.inBackOffSince(k, last, now)) {
            rec.waiting.put(c.getName(), new Waiting("ImagePullBackOff", "Back-off pulling image \"" + c.getImage() + "\""));
            return false;
        }
        if (d == ImagePolicy.Decision.MISSING_NO_REGISTRY) {
            pullFailed(rec, c, k, "image \"" + c.getImage() + "\" is not present on the node and no public registry is reachable;"
                    + " build it with `skiff images build` or load it with `skiff images load`");
            return false;
        }
        try {
            log.info("pulling image {} for pod {}", c.getImage(), key(rec.pod));
            runtime.pullImage(c.getImage());
            pullAttempts.remove(k);
            pullBackOff.forget(k);
            return true;
        } catch (ImagePullException e) {
            pullFailed(rec, c, k, e.getMessage());
            return false;
        }
    }

    private void pullFailed(PodRecord rec, Container c, String k, String message) {
        Instant now = clock.instant();
        pullBackOff.next(k, now);
        pullAttempts.put(k, now);
        rec.waiting.put(c.getName(), new Waiting("ErrImagePull", message));
        wakeAfter.accept(rec.uid, pullBackOff.delay(k).plusMillis(50));
    }

    private RuntimeSandbox newSandbox(PodRecord rec, List<RuntimeSandbox> sandboxes, List<RuntimeContainer> containers) {
        // containers of a dead sandbox lost their network: stop them, a new sandbox gets new instances
        for (RuntimeContainer c : containers) {
            if (c.running()) {
                runtime.stopContainer(c.id(), Duration.ZERO);
            }
        }
        int attempt = sandboxes.stream().mapToInt(RuntimeSandbox::attempt).max().orElse(-1) + 1;
        // reservations cover this kubelet's sandboxes (seeded from the runtime at start): no listing per pod
        Pod pod = rec.pod;
        boolean hostNetwork = Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
        String ip = ips == null || hostNetwork ? null : ips.allocate(List.of());
        String hostname = pod.getSpec().getHostname() != null ? pod.getSpec().getHostname() : pod.getMetadata().getName();
        try {
            RuntimeSandbox sb = runtime.runSandbox(new SandboxConfig(podRef(pod), attempt, truncate(hostname, 63), ip, hostNetwork));
            log.info("started sandbox of pod {} (ip {}, attempt {})", key(pod), sb.ip(), attempt);
            for (RuntimeSandbox old : sandboxes) {
                runtime.removeSandbox(old.id());
                if (ips != null && old.ip() != null && !old.ip().equals(sb.ip())) {
                    ips.release(old.ip());
                }
            }
            return sb;
        } catch (RuntimeException e) {
            if (ips != null && ip != null && !String.valueOf(e.getMessage()).contains("Address already in use")) {
                ips.release(ip); // an address taken by something else stays reserved, so the retry picks another
            }
            log.warn("pod {}: sandbox failed: {}", key(pod), e.getMessage());
            for (Container c : pod.getSpec().getContainers()) {
                rec.waiting.put(c.getName(), new Waiting("ContainerCreating", "failed to create pod sandbox: " + e.getMessage()));
            }
            wakeAfter.accept(rec.uid, Duration.ofSeconds(1));
            return null;
        }
    }

    /** Deleted pod: preStop + SIGTERM + grace + SIGKILL, then the final DELETE, then (once gone from the API) cleanup. */
    private boolean terminate(PodRecord rec, List<RuntimeSandbox> sandboxes, List<RuntimeContainer> containers) {
        Pod pod = rec.pod;
        if (!rec.killed) {
            // a pod gone from the API was force-deleted; a static pod whose file is gone stops gracefully
            long grace = rec.isStatic ? gracePeriod(pod) : rec.removedFromApi ? 0 : deletionGrace(pod);
            long t0 = System.nanoTime();
            killer.killPod(pod, containers, Duration.ofSeconds(grace), hostIp, rec.podIp);
            for (RuntimeSandbox sb : sandboxes) {
                runtime.stopSandbox(sb.id());
            }
            rec.killed = true;
            probes.retain(rec.uid, Set.of());
            log.info("killed pod {} (grace {}s, took {} ms)", key(pod), grace, (System.nanoTime() - t0) / 1_000_000);
        }
        if (!rec.removedFromApi) {
            report(rec, runtime.listContainers(node, rec.uid));
            try {
                client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                        .withGracePeriod(0).delete();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
            return false;
        }
        for (RuntimeContainer c : runtime.listContainers(node, rec.uid)) {
            runtime.removeContainer(c.id());
        }
        for (RuntimeSandbox sb : runtime.listSandboxes(node, rec.uid)) {
            runtime.removeSandbox(sb.id());
        }
        volumes.cleanup(rec.uid);
        if (rec.isStatic) {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).withGracePeriod(0).delete();
        }
        if (ips != null && rec.podIp != null) {
            ips.release(rec.podIp);
        }
        restartBackOff.forget(rec.uid);
        pullBackOff.forget(rec.uid);
        return true;
    }

    private void stopAll(PodRecord rec, List<RuntimeSandbox> sandboxes, List<RuntimeContainer> containers) {
        for (RuntimeContainer c : containers) {
            if (c.running()) {
                runtime.stopContainer(c.id(), Duration.ofSeconds(gracePeriod(rec.pod)));
            }
        }
        for (RuntimeSandbox sb : sandboxes) {
            if (sb.running()) {
                runtime.stopSandbox(sb.id());
            }
        }
        probes.retain(rec.uid, Set.of());
    }

    private void report(PodRecord rec, List<RuntimeContainer> containers) {
        PodStatus st = statusBuilder.build(rec.pod, containers, rec.waiting, new PodStatusBuilder.Readiness() {
            @Override
            public boolean started(String id, Container c) {
                return probes.started(id, c);
            }

            @Override
            public boolean ready(String id, Container c) {
                return probes.ready(id, c);
            }
        }, rec.podIp, hostIp, rec.startTime, rec.lastSent, clock.instant());
        if (statuses.report(rec, st)) {
            log.debug("pod {} status: {}", key(rec.pod), st.getPhase());
        }
    }

    private static boolean terminal(PodRecord rec) {
        PodStatus s = rec.lastSent;
        return s != null && ("Succeeded".equals(s.getPhase()) || "Failed".equals(s.getPhase()));
    }

    static RuntimeContainer latest(List<RuntimeContainer> containers, String name) {
        return containers.stream().filter(c -> c.name().equals(name)).max(Comparator.comparingInt(RuntimeContainer::attempt)).orElse(null);
    }

    private PodRef podRef(Pod pod) {
        return new PodRef(node, pod.getMetadata().getUid(), pod.getMetadata().getName(), pod.getMetadata().getNamespace());
    }

    static String hash(Container c) {
        return Integer.toHexString(Serialization.asJson(c).hashCode());
    }

    private static String user(Pod pod, Container c) {
        Long uid = null;
        Long gid = null;
        if (pod.getSpec().getSecurityContext() != null) {
            uid = pod.getSpec().getSecurityContext().getRunAsUser();
            gid = pod.getSpec().getSecurityContext().getRunAsGroup();
        }
        if (c.getSecurityContext() != null) {
            uid = c.getSecurityContext().getRunAsUser() != null ? c.getSecurityContext().getRunAsUser() : uid;
            gid = c.getSecurityContext().getRunAsGroup() != null ? c.getSecurityContext().getRunAsGroup() : gid;
        }
        if (uid == null) {
            return null;
        }
        return gid == null ? uid.toString() : uid + ":" + gid;
    }

    static String restartPolicy(Pod pod) {
        return pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
    }

    static long gracePeriod(Pod pod) {
        Long g = pod.getSpec().getTerminationGracePeriodSeconds();
        return g == null ? 30 : g;
    }

    static long deletionGrace(Pod pod) {
        Long g = pod.getMetadata().getDeletionGracePeriodSeconds();
        return g != null ? g : gracePeriod(pod);
    }

    static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
