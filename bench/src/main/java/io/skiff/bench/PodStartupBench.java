package io.skiff.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.kubelet.Kubelet;
import io.skiff.kubelet.KubeletConfig;
import io.skiff.kubelet.images.ImageBuilder;
import io.skiff.kubelet.images.PauseImage;
import io.skiff.kubelet.runtime.RuntimeLabels;
import io.skiff.kubelet.runtime.docker.DockerRuntime;
import io.skiff.store.Store;
import io.skiff.store.Stores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Pod startup latency on the real Docker engine: create → Running seen through a watch, with
 * the image present, for 1 pod at a time and 30 pods at once; next to it, in the same run,
 * raw Docker doing the same work (pause container on the bridge + app container joined to
 * it), the physical limit. Usage: PodStartupBench [singleRuns=10] [batch=30] [image=nginx:latest].
 */
public final class PodStartupBench {
    private static final String NODE = "bench-node";
    private static final String RAW_LABEL = "io.skiff.bench";

    public static void main(String[] args) throws Exception {
        int singles = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String image = args.length > 2 ? args[2] : "nginx:latest";
        ImageBuilder images = ImageBuilder.withDefaults();
        images.build("pause", false);
        images.build(image.startsWith("busybox") ? "busybox" : "nginx", false);

        Path dir = Files.createTempDirectory("pod-startup-bench");
        Store store = Stores.open("sqlite", dir);
        ApiServer server = new ApiServer(ApiServerConfig.defaults().withPort(0), store).start();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + server.port()).build()).build();
        DockerRuntime runtime = new DockerRuntime(DockerRuntime.DEFAULT_HOST, PauseImage.NAME, "10.244.0.0/16", "10.244.0.1");
        Kubelet kubelet = new Kubelet(client, runtime, KubeletConfig.defaults(NODE, dir.resolve("kubelet"))
                .withPodCidr("10.244.251.0/24").withNodeIp("127.0.0.1")).start();
        try {
            System.out.printf("pod startup, image %s present, %d cores%n", image, Runtime.getRuntime().availableProcessors());
            warmUp(client, runtime.client(), image);
            report("raw docker, 1 at a time", raw(runtime.client(), image, singles, 1));
            report("skiff kubelet, 1 at a time", pods(client, runtime.client(), image, singles, 1));
            report("raw docker, " + batch + " at once", raw(runtime.client(), image, batch, batch));
            report("skiff kubelet, " + batch + " at once", pods(client, runtime.client(), image, batch, batch));
        } finally {
            kubelet.close();
            for (Container c : runtime.client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(RuntimeLabels.NODE, NODE)).exec()) {
                runtime.client().removeContainerCmd(c.getId()).withForce(true).exec();
            }
            runtime.removeNetworkIfUnused();
            runtime.close();
            client.close();
            server.close();
            store.close();
        }
    }

    private static void warmUp(KubernetesClient client, DockerClient docker, String image) throws Exception {
        raw(docker, image, 2, 1);
        pods(client, docker, image, 2, 1);
    }

    /** Creates {@code total} pods, {@code concurrent} at a time; returns create → Running (watch) in ns. */
    private static long[] pods(KubernetesClient client, DockerClient docker, String image, int total, int concurrent) throws Exception {
        Map<String, Long> created = new ConcurrentHashMap<>();
        Map<String, Long> latency = new ConcurrentHashMap<>();
        CountDownLatch allRunning = new CountDownLatch(total);
        String prefix = "p" + System.nanoTime() % 100000 + "-";
        try (Watch w = client.pods().inNamespace("default").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                String name = pod.getMetadata().getName();
                Long t0 = created.get(name);
                if (t0 != null && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
                        && latency.putIfAbsent(name, System.nanoTime() - t0) == null) {
                    allRunning.countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            for (int start = 0; start < total; start += concurrent) {
                int n = Math.min(concurrent, total - start);
                ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 8));
                List<Future<?>> fs = new ArrayList<>();
                for (int i = start; i < start + n; i++) {
                    String name = prefix + i;
                    fs.add(pool.submit(() -> {
                        Pod pod = new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withNodeName(NODE)
                                .withTerminationGracePeriodSeconds(0L).addNewContainer().withName("app").withImage(image)
                                .withImagePullPolicy("IfNotPresent").endContainer().endSpec().build();
                        created.put(name, System.nanoTime());
                        client.pods().inNamespace("default").resource(pod).create();
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                pool.shutdown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (latency.size() < start + n && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            allRunning.await(120, TimeUnit.SECONDS);
        }
        client.pods().inNamespace("default").withGracePeriod(0).delete();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // a forced delete leaves the API at once; wait for the kubelet to have removed the containers too
        while ((!client.pods().inNamespace("default").list().getItems().isEmpty()
                || !docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(RuntimeLabels.NODE, NODE)).exec().isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return latency.values().stream().mapToLong(Long::longValue).toArray();
    }

    /** The same containers through the Docker API directly: pause on the bridge, then the app in its network namespace. */
    private static long[] raw(DockerClient docker, String image, int total, int concurrent) throws Exception {
        List<Long> out = new ArrayList<>();
        int ip = 2;
        for (int start = 0; start < total; start += concurrent) {
            int n = Math.min(concurrent, total - start);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<Future<Long>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String addr = "10.244.252." + (ip++);
                fs.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    String sandbox = docker.createContainerCmd(PauseImage.NAME).withLabels(Map.of(RAW_LABEL, "true"))
                            .withHostConfig(HostConfig.newHostConfig().withNetworkMode("skiff")).withIpv4Address(addr).exec().getId();
                    docker.startContainerCmd(sandbox).exec();
                    String app = docker.createContainerCmd(image).withLabels(Map.of(RAW_LABEL, "true"))
                            .withHostConfig(HostConfig.newHostConfig().withNetworkMode("container:" + sandbox)).exec().getId();
                    docker.startContainerCmd(app).exec();
                    return System.nanoTime() - t0;
                }));
            }
            for (Future<Long> f : fs) {
                out.add(f.get());
            }
            pool.shutdown();
            for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(RAW_LABEL, "true")).exec()) {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static void report(String what, long[] samples) {
        Percentiles p = new Percentiles(samples, samples.length);
        System.out.printf("%-32s n=%-3d p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms%n", what, samples.length, p.ms(0.5), p.ms(0.99), p.ms(1.0));
    }
}
