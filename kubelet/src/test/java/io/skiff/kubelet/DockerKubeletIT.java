package io.skiff.kubelet;

import com.github.dockerjava.api.model.Container;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.skiff.kubelet.images.ImageBuilder;
import io.skiff.kubelet.images.PauseImage;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.RuntimeLabels;
import io.skiff.kubelet.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kubelet on the real Docker engine with an in-process API server. Pods use the images
 * that {@code skiff images build} makes (built once, reused). Traffic goes only to the test's
 * own pod IPs on the local bridge. Every container the test made is removed by its node label.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerKubeletIT {
    private static final Duration T = Duration.ofSeconds(60);
    private final String node = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private TestCluster cluster;
    private DockerRuntime runtime;
    private Kubelet kubelet;
    private Path root;

    @BeforeAll
    void start() throws Exception {
        ImageBuilder images = ImageBuilder.withDefaults();
        for (String image : List.of("pause", "busybox", "nginx", "registry")) {
            images.build(image, false);
        }
        cluster = TestCluster.start();
        runtime = new DockerRuntime(DockerRuntime.DEFAULT_HOST, PauseImage.NAME, "10.244.0.0/16", "10.244.0.1");
        root = Files.createTempDirectory("kubelet-it");
        kubelet = startKubelet();
    }

    /** A /24 of its own, high in the pod network, so a cluster started by `skiff up` on this machine is not disturbed. */
    private Kubelet startKubelet() throws Exception {
        return new Kubelet(cluster.client, runtime, KubeletConfig.defaults(node, root).withPodCidr("10.244.250.0/24")
                .withNodeIp("127.0.0.1").withKubeletApi("127.0.0.1", 0)).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (kubelet != null) {
            kubelet.close();
        }
        for (Container c : runtime.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(RuntimeLabels.NODE, node)).exec()) {
            runtime.client().removeContainerCmd(c.getId()).withForce(true).exec();
        }
        try {
            runtime.client().removeNetworkCmd("skiff").exec(); // only when no other cluster on this engine still uses it
        } catch (RuntimeException e) {
            // in use by another node's pods
        }
        runtime.close();
        cluster.close();
        new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor();
    }

    private Pod create(Pod pod) {
        pod.getSpec().setNodeName(node);
        return cluster.client.pods().inNamespace("default").resource(pod).create();
    }

    private static PodBuilder busybox(String name, String script) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .addNewContainer().withName("main").withImage("busybox").withCommand("sh", "-c", script).endContainer().endSpec();
    }

    private RuntimeContainer running(Pod pod, String container) {
        return runtime.listContainers(node, pod.getMetadata().getUid()).stream()
                .filter(c -> c.name().equals(container) && c.running()).findFirst().orElseThrow();
    }

    @Test
    void nginxPodRunsWithAPodIpThatAnswersHttp() throws Exception {
        create(new PodBuilder().withNewMetadata().withName("nginx").endMetadata().withNewSpec()
                .addNewContainer().withName("nginx").withImage("nginx:latest").addNewPort().withContainerPort(80).endPort().endContainer()
                .endSpec().build());
        Pod p = cluster.await("default", "nginx", T, "Ready", x -> Pods.condition(x, "Ready"));
        String ip = p.getStatus().getPodIP();
        assertTrue(ip.startsWith("10.244.250."), ip);
        assertEquals("Running", Pods.phase(p));
        HttpResponse<String> resp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create("http://" + ip + "/")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, resp.statusCode());
        assertTrue(resp.body().contains("Welcome to nginx!"), resp.body());
    }

    @Test
    void twoContainersShareAnEmptyDirLocalhostAndResolvedEnv() throws Exception {
        cluster.client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName("colors")
                .endMetadata().addToData("color", "blue").build()).create();
        Pod pod = create(new PodBuilder().withNewMetadata().withName("pair").endMetadata().withNewSpec()
                .addNewVolume().withName("shared").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewContainer().withName("writer").withImage("busybox")
                .withCommand("sh", "-c", "echo hello > /data/msg; exec httpd -f -p 8080 -h /data")
                .addNewVolumeMount().withName("shared").withMountPath("/data").endVolumeMount().endContainer()
                .addNewContainer().withName("reader").withImage("busybox").withCommand("sleep", "3600").withWorkingDir("/data")
                .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("COLOR").withNewValueFrom().withNewConfigMapKeyRef().withName("colors").withKey("color").endConfigMapKeyRef().endValueFrom().endEnv()
                .addNewEnv().withName("GREETING").withValue("$(COLOR) $(POD_NAME)").endEnv()
                .addNewVolumeMount().withName("shared").withMountPath("/data").endVolumeMount().endContainer()
                .endSpec().build());
        cluster.await("default", "pair", T, "Ready", x -> Pods.condition(x, "Ready"));
        String reader = running(pod, "reader").id();
        assertEquals("hello", runtime.exec(reader, List.of("cat", "msg"), Duration.ofSeconds(10)).output().strip());
        assertEquals("hello", runtime.exec(reader, List.of("wget", "-q", "-O", "-", "http://localhost:8080/msg"), Duration.ofSeconds(10)).output().strip());
        assertEquals("blue pair", runtime.exec(reader, List.of("sh", "-c", "echo $GREETING"), Duration.ofSeconds(10)).output().strip());

        // kubectl exec's wire protocol against the kubelet API: stdin in, stdout out, exit code in the status channel
        Map<Integer, StringBuilder> channels = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CompletableFuture<Void> closed = new java.util.concurrent.CompletableFuture<>();
        var socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("v5.channel.k8s.io", "v4.channel.k8s.io")
                .buildAsync(URI.create("ws://127.0.0.1:" + kubelet.apiPort() + "/exec/default/pair/reader?command=sh&command=-c"
                        + "&command=read%20x;%20echo%20got%20$x;%20exit%203&stdin=true&stdout=true&stderr=true"), new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onBinary(java.net.http.WebSocket ws, java.nio.ByteBuffer data, boolean last) {
                        int channel = data.get() & 0xff;
                        byte[] rest = new byte[data.remaining()];
                        data.get(rest);
                        channels.computeIfAbsent(channel, k -> new StringBuilder()).append(new String(rest, java.nio.charset.StandardCharsets.UTF_8));
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
                        closed.complete(null);
                        return null;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("v5.channel.k8s.io", socket.getSubprotocol());
        socket.sendBinary(java.nio.ByteBuffer.wrap(("\u0000hello\n").getBytes()), true).get();
        closed.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("got hello\n", channels.get(1).toString());
        assertTrue(channels.get(3).toString().contains("\"reason\":\"NonZeroExitCode\""), channels.get(3).toString());
        assertTrue(channels.get(3).toString().contains("\"message\":\"3\""), channels.get(3).toString());
    }

    @Test
    void aCrashingContainerReachesCrashLoopBackOffWithGrowingBackOff() throws Exception {
        create(busybox("crasher", "echo dying; exit 3").build());
        Pod p = cluster.await("default", "crasher", T, "in CrashLoopBackOff", x -> "CrashLoopBackOff".equals(Pods.waitingReason(x, "main")));
        var status = Pods.container(p, "main");
        assertEquals(3, status.getLastState().getTerminated().getExitCode());
        assertTrue(status.getRestartCount() >= 1);
        assertTrue(status.getState().getWaiting().getMessage().startsWith("back-off 10s"), status.getState().getWaiting().getMessage());
        p = cluster.await("default", "crasher", T, "backing off 20s",
                x -> "CrashLoopBackOff".equals(Pods.waitingReason(x, "main")) && Pods.container(x, "main").getState().getWaiting().getMessage().startsWith("back-off 20s"));
        assertTrue(Pods.restarts(p, "main") >= 2);
        // the kubelet API serves the dead container's output, as `kubectl logs --previous` asks for it
        var logs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kubelet.apiPort()
                + "/containerLogs/default/crasher/main?previous=true&tailLines=5")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, logs.statusCode());
        assertEquals("dying", logs.body().strip());
    }

    @Test
    void aFailingLivenessProbeRestartsTheContainer() throws Exception {
        create(busybox("sick", "mkdir -p /w && echo ok > /w/healthz && (sleep 3; rm /w/healthz) & exec httpd -f -p 8080 -h /w")
                .editSpec().editFirstContainer().withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString(8080))
                .endHttpGet().withPeriodSeconds(1).withFailureThreshold(2).endLivenessProbe().endContainer().endSpec().build());
        Pod p = cluster.await("default", "sick", T, "restarted by its liveness probe", x -> Pods.restarts(x, "main") >= 1);
        assertEquals("Running", Pods.phase(p));
    }

    @Test
    void aReadinessProbeDrivesTheReadyCondition() throws Exception {
        Pod pod = create(busybox("warming", "exec sleep 3600").editSpec().editFirstContainer().withNewReadinessProbe().withNewExec()
                .withCommand("cat", "/tmp/ready").endExec().withPeriodSeconds(1).endReadinessProbe().endContainer().endSpec().build());
        Pod p = cluster.await("default", "warming", T, "running", x -> Pods.running(x, "main"));
        Thread.sleep(1500);
        p = cluster.client.pods().inNamespace("default").withName("warming").get();
        assertTrue(!Pods.condition(p, "Ready"), "ready before its probe succeeded");
        runtime.exec(running(pod, "main").id(), List.of("touch", "/tmp/ready"), Duration.ofSeconds(10));
        cluster.await("default", "warming", T, "Ready", x -> Pods.condition(x, "Ready"));
    }

    @Test
    void gracefulDeleteWaitsTheGracePeriodAndForceDeleteDoesNot() throws Exception {
        String stubborn = "trap '' TERM; while true; do sleep 1; done";
        Pod slow = create(busybox("stubborn", stubborn).editSpec().withTerminationGracePeriodSeconds(4L).endSpec().build());
        Pod fast = create(busybox("forced", stubborn).editSpec().withTerminationGracePeriodSeconds(30L).endSpec().build());
        cluster.await("default", "stubborn", T, "running", x -> Pods.running(x, "main"));
        cluster.await("default", "forced", T, "running", x -> Pods.running(x, "main"));

        long t0 = System.nanoTime();
        cluster.client.pods().inNamespace("default").withName("stubborn").delete();
        cluster.awaitGone("default", "stubborn", T);
        long graceful = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(graceful >= 4000, "deleted after " + graceful + " ms, before the 4 s grace period");

        t0 = System.nanoTime();
        cluster.client.pods().inNamespace("default").withName("forced").withGracePeriod(0).delete();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && !runtime.listContainers(node, fast.getMetadata().getUid()).isEmpty()) {
            Thread.sleep(100);
        }
        long forced = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(List.of(), runtime.listContainers(node, fast.getMetadata().getUid()));
        assertEquals(List.of(), runtime.listContainers(node, slow.getMetadata().getUid()));
        assertTrue(forced < 4000, "force delete took " + forced + " ms");
    }

    @Test
    void aRestartedKubeletAdoptsItsContainers() throws Exception {
        Pod pod = create(busybox("steady", "exec sleep 3600").editSpec().editFirstContainer()
                .withNewResources().addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("64Mi"))
                .addToLimits("cpu", new io.fabric8.kubernetes.api.model.Quantity("500m")).endResources()
                .withNewSecurityContext().withRunAsUser(1000L).endSecurityContext().endContainer().endSpec().build());
        cluster.await("default", "steady", T, "Ready", x -> Pods.condition(x, "Ready"));
        String before = running(pod, "main").id();
        var host = runtime.client().inspectContainerCmd(before).exec().getHostConfig();
        assertEquals(64L << 20, host.getMemory());
        assertEquals(500_000_000L, host.getNanoCPUs());
        assertEquals("1000", runtime.exec(before, List.of("id", "-u"), Duration.ofSeconds(10)).output().strip());
        kubelet.close();
        kubelet = startKubelet();
        Thread.sleep(3000);
        Pod p = cluster.await("default", "steady", T, "Ready", x -> Pods.condition(x, "Ready"));
        assertEquals(before, running(pod, "main").id());
        assertEquals(0, Pods.restarts(p, "main"));
        assertEquals(1, runtime.listContainers(node, pod.getMetadata().getUid()).size());
        assertEquals(1, runtime.listSandboxes(node, pod.getMetadata().getUid()).size());
    }

    @Test
    void imagesArePulledFromAPrivateRegistryAndAFailedPullBacksOff() throws Exception {
        // a registry container of the test's own, published on loopback only, with busybox pushed to it
        String registry = runtime.client().createContainerCmd("registry:2").withLabels(Map.of(RuntimeLabels.NODE, node))
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withPortBindings(
                        com.github.dockerjava.api.model.PortBinding.parse("127.0.0.1::5000"))).exec().getId();
        runtime.client().startContainerCmd(registry).exec();
        var binding = runtime.client().inspectContainerCmd(registry).exec().getNetworkSettings().getPorts().getBindings()
                .get(com.github.dockerjava.api.model.ExposedPort.tcp(5000))[0];
        String image = "127.0.0.1:" + binding.getHostPortSpec() + "/tools/busybox:v1";
        docker("tag", "busybox:latest", image);
        for (int i = 0; i < 50 && !docker("push", image); i++) {
            Thread.sleep(200); // the registry is still starting
        }
        assertTrue(docker("rmi", image), "could not untag " + image);
        assertTrue(!runtime.hasImage(image));

        create(busybox("pulled", "exec sleep 3600").editSpec().editFirstContainer().withImage(image)
                .withImagePullPolicy("IfNotPresent").endContainer().endSpec().build());
        cluster.await("default", "pulled", T, "Running", x -> Pods.running(x, "main"));
        assertTrue(runtime.hasImage(image));

        String missing = "127.0.0.1:" + binding.getHostPortSpec() + "/tools/nothing:v1";
        create(busybox("unpullable", "exec sleep 3600").editSpec().editFirstContainer().withImage(missing).endContainer().endSpec().build());
        // ErrImagePull lasts only until the first back-off is written: a watcher may see either first
        Pod p = cluster.await("default", "unpullable", T, "ErrImagePull or ImagePullBackOff",
                x -> "ErrImagePull".equals(Pods.waitingReason(x, "main")) || "ImagePullBackOff".equals(Pods.waitingReason(x, "main")));
        assertTrue(Pods.container(p, "main").getState().getWaiting().getMessage().contains(missing));
        cluster.await("default", "unpullable", T, "ImagePullBackOff", x -> "ImagePullBackOff".equals(Pods.waitingReason(x, "main")));
        docker("rmi", image);
    }

    private static boolean docker(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }
}
