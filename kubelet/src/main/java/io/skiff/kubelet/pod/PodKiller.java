package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.skiff.kubelet.prober.Prober;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.RuntimeContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Stops containers the Kubernetes way: the preStop hook first (exec or httpGet), then SIGTERM,
 * and SIGKILL when the grace period — shared by the hook and the signal — runs out. A pod's
 * containers are stopped in parallel, so the pod takes one grace period, not one per container.
 */
final class PodKiller {
    private static final Logger log = LoggerFactory.getLogger(PodKiller.class);
    private final ContainerRuntime runtime;
    private final Prober hooks;
    /** Not the common pool: on two cores it runs one task at a time, and stops must overlap. */
    private static final java.util.concurrent.ExecutorService STOPPERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "container-stop");
        t.setDaemon(true);
        return t;
    });

    PodKiller(ContainerRuntime runtime) {
        this.runtime = runtime;
        this.hooks = new Prober(runtime);
    }

    void killPod(Pod pod, List<RuntimeContainer> instances, Duration grace, String hostIp, String podIp) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (RuntimeContainer rc : instances) {
            if (!rc.running()) {
                continue;
            }
            Container spec = spec(pod, rc.name());
            all.add(CompletableFuture.runAsync(() -> stop(spec, rc, grace, podIp), STOPPERS));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    void stopContainer(Pod pod, Container c, RuntimeContainer rc, long graceSeconds, String hostIp, String podIp) {
        stop(c, rc, Duration.ofSeconds(graceSeconds), podIp);
    }

    private void stop(Container c, RuntimeContainer rc, Duration grace, String podIp) {
        long t0 = System.nanoTime();
        LifecycleHandler preStop = c == null || c.getLifecycle() == null ? null : c.getLifecycle().getPreStop();
        if (preStop != null && !grace.isZero()) {
            // a hook is run like a probe whose timeout is the grace period
            Probe asProbe = new Probe();
            asProbe.setExec(preStop.getExec());
            asProbe.setHttpGet(preStop.getHttpGet());
            asProbe.setTcpSocket(preStop.getTcpSocket());
            asProbe.setTimeoutSeconds((int) Math.max(1, grace.toSeconds()));
            if (preStop.getSleep() != null) {
                sleep(Math.min(preStop.getSleep().getSeconds(), grace.toSeconds()));
            } else {
                var r = hooks.run(asProbe, c, rc.id(), podIp);
                if (!r.success()) {
                    log.info("preStop hook of container {} failed: {}", rc.name(), r.message());
                }
            }
        }
        Duration left = grace.minusNanos(System.nanoTime() - t0);
        runtime.stopContainer(rc.id(), left.isNegative() ? Duration.ZERO : left);
        log.info("stopped container {} of pod {}/{}", rc.name(), rc.pod().namespace(), rc.pod().name());
    }

    private static Container spec(Pod pod, String name) {
        for (Container c : pod.getSpec().getContainers()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        if (pod.getSpec().getInitContainers() != null) {
            for (Container c : pod.getSpec().getInitContainers()) {
                if (c.getName().equals(name)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
