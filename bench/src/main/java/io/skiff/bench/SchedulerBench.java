package io.skiff.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.scheduler.Scheduler;
import io.skiff.scheduler.SchedulerOptions;
import io.skiff.store.Store;
import io.skiff.store.Stores;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The scheduler benchmark of issue 4, in the spirit of Kubernetes' scheduler_perf SchedulingBasic:
 * hollow nodes (Node objects with 4 cpu, 32Gi, 110 pods, Ready), then pods of one ReplicaSet
 * (100m cpu, 500Mi each) created by 16 clients; then the scheduler starts, with every default
 * plugin, lists the pending pods and schedules them. Throughput is counted end to end: a separate
 * watch on pods sees each binding ({@code spec.nodeName} set through {@code POST …/binding});
 * pods/s = pods bound ÷ time from the first to the last binding (and ÷ time from the scheduler's
 * start, cache sync included). Every binding also writes a {@code Scheduled} Event. Because the
 * machine may be shared, it also prints the CPU time the whole process used meanwhile and pods
 * bound per CPU-second; the scheduler's own mean cycle (filter to assume) gives the rate its
 * single scheduling thread could sustain. The API server, its SQLite store, the scheduler and this client all
 * share the machine. Figures are printed, never asserted.
 *
 * <p>Usage: {@code java -cp ... io.skiff.bench.SchedulerBench [nodes x pods ...]}, default
 * {@code 500x10000 5000x10000}.
 */
public final class SchedulerBench {
    private static final int CLIENTS = 16;

    private SchedulerBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> scenarios = args.length > 0 ? List.of(args) : List.of("500x10000", "5000x10000");
        System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), Runtime.version());
        System.out.println("nodes    pods  bound  pods created/s  cache sync s  first→last bind s  pods/s  start→last bind s  pods/s  attempts  mean cycle µs  cycle-bound/s  process CPU s  pods/CPU-s");
        for (String s : scenarios) {
            String[] nm = s.split("x");
            run(Integer.parseInt(nm[0]), Integer.parseInt(nm[1]));
        }
    }

    private static void run(int nodes, int pods) throws Exception {
        Path dir = Files.createTempDirectory("skiff-scheduler-bench");
        try (Store store = Stores.open("sqlite", dir);
             ApiServer server = new ApiServer(ApiServerConfig.defaults().withPort(0), store).start();
             KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                     .withMasterUrl("http://127.0.0.1:" + server.port()).build()).build()) {
            createAll(server.port(), nodes, "/api/v1/nodes", SchedulerBench::node);
            Set<String> bound = ConcurrentHashMap.newKeySet();
            AtomicLong firstBound = new AtomicLong(), lastBound = new AtomicLong();
            Watch watch = client.pods().inNamespace("default").watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, Pod pod) {
                    if (pod.getSpec().getNodeName() != null && bound.add(pod.getMetadata().getName())) {
                        long now = System.nanoTime();
                        firstBound.compareAndSet(0, now);
                        lastBound.set(now);
                    }
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            });
            long createStart = System.nanoTime();
            createAll(server.port(), pods, "/api/v1/namespaces/default/pods", SchedulerBench::pod);
            double createRate = pods / ((System.nanoTime() - createStart) / 1e9);
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            Scheduler scheduler = Scheduler.start(client, SchedulerOptions.defaults().withLeaderElect(false));
            try {
                double syncSeconds = (System.nanoTime() - start) / 1e9;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
                while (bound.size() < pods && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
                double window = (lastBound.get() - firstBound.get()) / 1e9;
                double overall = (lastBound.get() - start) / 1e9;
                Scheduler.Stats stats = scheduler.stats();
                System.out.printf("%5d  %6d  %5d  %14.0f  %12.2f  %17.2f  %6.0f  %17.2f  %6.0f  %8d  %13.1f  %13.0f  %9.1f  %11.0f%n", nodes,
                        pods, bound.size(), createRate, syncSeconds, window, bound.size() / window, overall, bound.size() / overall,
                        stats.attempts(), stats.meanCycleMicros(), 1e6 / stats.meanCycleMicros(), cpuSeconds, bound.size() / cpuSeconds);
            } finally {
                scheduler.close();
                watch.close();
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** CPU time of this whole process: API server, store, scheduler and the watching client. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void createAll(int port, int count, String path, IntFunction<String> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(pool.submit(() -> {
                try (RawHttp http = new RawHttp(port)) {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        if (http.send("POST", path, body.apply(i).getBytes(StandardCharsets.UTF_8)) != 201) {
                            errors.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " creates failed on " + path);
        }
    }

    private static String node(int i) {
        String name = "hollow-node-" + i;
        String resources = "{\"cpu\":\"4\",\"memory\":\"32Gi\",\"pods\":\"110\"}";
        return "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{"
                + "\"kubernetes.io/hostname\":\"" + name + "\",\"topology.kubernetes.io/zone\":\"zone-" + (i % 3) + "\"}},"
                + "\"spec\":{},\"status\":{\"capacity\":" + resources + ",\"allocatable\":" + resources
                + ",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"KubeletReady\"}]}}";
    }

    private static String pod(int i) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"pod-" + i + "\",\"labels\":{\"app\":\"bench\"},"
                + "\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"bench\","
                + "\"uid\":\"6b1f3c1e-0000-4000-8000-00000000be4c\",\"controller\":true}]},"
                + "\"spec\":{\"containers\":[{\"name\":\"pause\",\"image\":\"registry.k8s.io/pause:3.10\","
                + "\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"500Mi\"}}}]}}";
    }
}
