package io.skiff.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.skiff.kubelet.node.MachineInfo;
import io.skiff.kubelet.node.NodeConditions;
import io.skiff.kubelet.node.NodeLease;
import io.skiff.kubelet.node.NodeRegistrar;
import io.skiff.kubelet.node.NodeStatusBuilder;
import io.skiff.kubelet.pod.ContainerGC;
import io.skiff.kubelet.pod.Pleg;
import io.skiff.kubelet.pod.PodIpAllocator;
import io.skiff.kubelet.pod.PodSyncer;
import io.skiff.kubelet.pod.PodWorkers;
import io.skiff.kubelet.pod.StaticPods;
import io.skiff.kubelet.prober.ProbeManager;
import io.skiff.kubelet.prober.Prober;
import io.skiff.kubelet.runtime.ContainerRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node agent. {@link #start()} registers the Node, then runs: the Lease heartbeat and
 * node status (every heartbeat period), a watch of the pods bound to this node feeding the
 * pod workers, the runtime relist (PLEG), a periodic resync, and container garbage collection.
 * {@link #close()} stops the agent and leaves the pods' containers running, so the next
 * kubelet on this node adopts them.
 */
public final class Kubelet implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Kubelet.class);

    private final KubernetesClient client;
    private final ContainerRuntime runtime;
    private final KubeletConfig config;
    private final ScheduledExecutorService timer;
    private final ExecutorService workerPool;
    private NodeRegistrar registrar;
    private MachineInfo machine;
    private PodWorkers workers;
    private ProbeManager probes;
    private SharedIndexInformer<Pod> informer;
    private String podCidr;
    private io.skiff.kubelet.server.KubeletServer server;

    public Kubelet(KubernetesClient client, ContainerRuntime runtime, KubeletConfig config) {
        this.client = client;
        this.runtime = runtime;
        this.config = config;
        this.timer = Executors.newScheduledThreadPool(2, named("kubelet-" + config.nodeName() + "-timer"));
        this.workerPool = Executors.newFixedThreadPool(config.workers(), named("kubelet-" + config.nodeName() + "-pod"));
    }

    public Kubelet start() throws IOException {
        String node = config.nodeName();
        machine = config.machine() != null ? config.machine() : MachineInfo.fromHost(config.rootDir(), config.nodeIp());
        registrar = new NodeRegistrar(client, node);
        podCidr = registrar.register(machine, config.podCidr());
        String runtimeVersion = runtime.name() + "://" + runtime.version();
        NodeLease lease = new NodeLease(client, node);
        lease.renew(registrar.uid());
        reportNode(runtimeVersion, true);
        AtomicInteger beats = new AtomicInteger();
        timer.scheduleWithFixedDelay(() -> {
            lease.renew(registrar.uid());
            // status when it changes, and at least every minute, as the kubelet's nodeStatusReportFrequency
            reportNode(runtimeVersion, beats.incrementAndGet() % 6 == 0);
        }, config.heartbeatPeriod().toMillis(), config.heartbeatPeriod().toMillis(), TimeUnit.MILLISECONDS);

        probes = new ProbeManager(new Prober(runtime), timer, uid -> workers.enqueue(uid));
        PodIpAllocator ips = new PodIpAllocator(podCidr);
        ips.reserve(runtime.listSandboxes(node).stream().filter(io.skiff.kubelet.runtime.RuntimeSandbox::running)
                .map(io.skiff.kubelet.runtime.RuntimeSandbox::ip).toList());
        PodSyncer syncer = new PodSyncer(node, runtime, client, config.rootDir(), ips, probes,
                config.backOffInitial(), (uid, delay) -> workers.enqueueAfter(uid, delay), Clock.systemUTC());
        syncer.hostIp(machine.address());
        workers = new PodWorkers(syncer, workerPool, timer);
        ContainerGC gc = new ContainerGC(runtime, node, syncer.volumes());

        informer = client.pods().inAnyNamespace().withField("spec.nodeName", node).inform(new ResourceEventHandler<>() {
            // mirror pods only show static pods; those run from their files
            @Override
            public void onAdd(Pod pod) {
                if (!StaticPods.isMirror(pod)) {
                    workers.update(pod);
                }
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                if (!StaticPods.isMirror(newPod)) {
                    workers.update(newPod);
                }
            }

            @Override
            public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                if (!StaticPods.isMirror(pod)) {
                    workers.removed(pod);
                }
            }
        }, 0);
        if (config.podManifestPath() != null) {
            StaticPods statics = new StaticPods(config.podManifestPath(), node, registrar.uid(), client, workers);
            timer.scheduleWithFixedDelay(statics::scan, 0, 5, TimeUnit.SECONDS);
        }
        Pleg pleg = new Pleg(runtime, node, uid -> workers.enqueue(uid));
        timer.scheduleWithFixedDelay(pleg::relist, 0, config.relistPeriod().toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(workers::enqueueAll, config.resyncPeriod().toMillis(), config.resyncPeriod().toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> {
            if (informer.hasSynced()) {
                gc.collect(workers.knownUids());
            }
        }, 5, 30, TimeUnit.SECONDS);
        if (config.kubeletPort() >= 0) {
            server = new io.skiff.kubelet.server.KubeletServer(node, runtime, workers).start(config.kubeletAddress(), config.kubeletPort());
        }
        log.info("kubelet for node {} started (runtime {}, pod CIDR {}, address {})", node, runtimeVersion, podCidr, machine.address());
        return this;
    }

    private void reportNode(String runtimeVersion, boolean heartbeat) {
        try {
            NodeConditions.Pressure p = config.machine() != null ? NodeConditions.Pressure.NONE : NodeConditions.measure(config.rootDir());
            registrar.report(NodeStatusBuilder.build(machine, runtimeVersion, p, registrar.lastSent(), config.kubeletPort(), Instant.now()), heartbeat);
        } catch (RuntimeException e) {
            log.warn("node status update failed: {}", e.getMessage());
        }
    }

    public String nodeName() {
        return config.nodeName();
    }

    public String podCidr() {
        return podCidr;
    }

    public ContainerRuntime runtime() {
        return runtime;
    }

    /** The kubelet API's port, or -1 when it does not serve one. */
    public int apiPort() {
        return server == null ? -1 : server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (informer != null) {
            informer.close();
        }
        if (probes != null) {
            probes.close();
        }
        timer.shutdownNow();
        workerPool.shutdownNow();
        try {
            workerPool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("kubelet for node {} stopped; its containers keep running", config.nodeName());
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
