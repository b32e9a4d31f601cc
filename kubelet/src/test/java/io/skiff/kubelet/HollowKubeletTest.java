package io.skiff.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.skiff.kubelet.node.MachineInfo;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.fake.FakeRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kubelet's behaviour end to end over the fake runtime and a real in-process API server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HollowKubeletTest {
    private static final Duration T = Duration.ofSeconds(20);
    private TestCluster cluster;
    private FakeRuntime runtime;
    private Kubelet kubelet;
    private Path root;

    @BeforeAll
    void start() throws Exception {
        cluster = TestCluster.start();
        runtime = new FakeRuntime();
        root = Files.createTempDirectory("hollow");
        kubelet = startKubelet();
    }

    private Kubelet startKubelet() throws Exception {
        return new Kubelet(cluster.client, runtime, KubeletConfig.defaults("hollow-1", root)
                .withMachine(MachineInfo.hollow("hollow-1", "127.0.0.1")).withBackOffInitial(Duration.ofSeconds(2))
                .withKubeletApi("127.0.0.1", 0)).start();
    }

    @AfterAll
    void stop() throws Exception {
        kubelet.close();
        cluster.close();
    }

    private Pod create(Pod pod) {
        pod.getSpec().setNodeName("hollow-1");
        return cluster.client.pods().inNamespace("default").resource(pod).create();
    }

    private static PodBuilder pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .addNewContainer().withName("app").withImage("nginx").endContainer().endSpec();
    }

    private RuntimeContainer running(String podName, String container) {
        return runtime.allContainers().stream().filter(c -> c.pod().name().equals(podName) && c.name().equals(container) && c.running())
                .findFirst().orElseThrow();
    }

    @Test
    void registersTheNodeWithCapacityNodeInfoAndALease() {
        Node node = cluster.client.nodes().withName("hollow-1").get();
        assertEquals("10.244.0.0/24", node.getSpec().getPodCIDR());
        assertEquals("4", node.getStatus().getCapacity().get("cpu").toString());
        assertEquals("110", node.getStatus().getAllocatable().get("pods").toString());
        assertEquals("fake://0.1.0", node.getStatus().getNodeInfo().getContainerRuntimeVersion());
        assertEquals("True", node.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready")).findFirst().orElseThrow().getStatus());
        assertEquals("127.0.0.1", node.getStatus().getAddresses().get(0).getAddress());
        Lease lease = cluster.client.leases().inNamespace("kube-node-lease").withName("hollow-1").get();
        assertEquals("hollow-1", lease.getSpec().getHolderIdentity());
        assertNotNull(lease.getSpec().getRenewTime());
    }

    @Test
    void runsABoundPodAndReportsItsStatus() throws Exception {
        create(pod("web").build());
        Pod p = cluster.await("default", "web", T, "Ready", x -> Pods.condition(x, "Ready"));
        assertEquals("Running", Pods.phase(p));
        assertTrue(p.getStatus().getPodIP().startsWith("10.244.0."), p.getStatus().getPodIP());
        assertEquals("127.0.0.1", p.getStatus().getHostIP());
        assertNotNull(p.getStatus().getStartTime());
        assertTrue(Pods.running(p, "app"));
        assertTrue(Pods.condition(p, "Initialized") && Pods.condition(p, "ContainersReady") && Pods.condition(p, "PodScheduled"));
        assertTrue(Pods.container(p, "app").getContainerID().startsWith("fake://"));
        var http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + kubelet.apiPort();
        var logs = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/containerLogs/default/web/app")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, logs.statusCode());
        assertEquals("simulated container app started\n", logs.body());
        var wrong = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/containerLogs/default/web/nope")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, wrong.statusCode());
    }

    @Test
    void aHostNetworkPodHasTheNodesAddress() throws Exception {
        create(pod("hostnet").editSpec().withHostNetwork(true).endSpec().build());
        Pod p = cluster.await("default", "hostnet", T, "Running", x -> Pods.running(x, "app"));
        assertEquals("127.0.0.1", p.getStatus().getPodIP());
    }

    @Test
    void restartsACrashedContainerThenBacksOff() throws Exception {
        create(pod("crash").build());
        cluster.await("default", "crash", T, "running", x -> Pods.running(x, "app"));
        runtime.exit(running("crash", "app").id(), 2);
        Pod p = cluster.await("default", "crash", T, "restarted", x -> Pods.restarts(x, "app") == 1 && Pods.running(x, "app"));
        assertEquals(2, Pods.container(p, "app").getLastState().getTerminated().getExitCode());
        assertEquals("Error", Pods.container(p, "app").getLastState().getTerminated().getReason());
        runtime.exit(running("crash", "app").id(), 2);
        p = cluster.await("default", "crash", T, "in CrashLoopBackOff", x -> "CrashLoopBackOff".equals(Pods.waitingReason(x, "app")));
        assertEquals("Running", Pods.phase(p));
        assertTrue(!Pods.condition(p, "Ready"));
        cluster.await("default", "crash", T, "restarted after the back-off", x -> Pods.restarts(x, "app") == 2 && Pods.running(x, "app"));
    }

    @Test
    void podWithRestartPolicyNeverSucceeds() throws Exception {
        create(pod("job").editSpec().withRestartPolicy("Never").endSpec().build());
        cluster.await("default", "job", T, "running", x -> Pods.running(x, "app"));
        runtime.exit(running("job", "app").id(), 0);
        Pod p = cluster.await("default", "job", T, "Succeeded", x -> "Succeeded".equals(Pods.phase(x)));
        assertEquals("Completed", Pods.container(p, "app").getState().getTerminated().getReason());
        assertEquals(0, Pods.restarts(p, "app"));
    }

    @Test
    void runsInitContainersInOrderBeforeTheApp() throws Exception {
        create(pod("init").editSpec().addNewInitContainer().withName("first").withImage("busybox").endInitContainer()
                .addNewInitContainer().withName("second").withImage("busybox").endInitContainer().endSpec().build());
        Pod p = cluster.await("default", "init", T, "running its first init container",
                x -> x.getStatus() != null && x.getStatus().getInitContainerStatuses() != null && !x.getStatus().getInitContainerStatuses().isEmpty()
                        && x.getStatus().getInitContainerStatuses().get(0).getState().getRunning() != null);
        assertEquals("Pending", Pods.phase(p));
        assertEquals("PodInitializing", Pods.waitingReason(p, "app"));
        assertTrue(runtime.allContainers().stream().noneMatch(c -> c.pod().name().equals("init") && c.name().equals("second")));
        runtime.exit(running("init", "first").id(), 0);
        cluster.await("default", "init", T, "running its second init container",
                x -> x.getStatus().getInitContainerStatuses().get(1).getState().getRunning() != null);
        runtime.exit(running("init", "second").id(), 0);
        p = cluster.await("default", "init", T, "Running", x -> Pods.running(x, "app"));
        assertTrue(Pods.condition(p, "Initialized"));
    }

    @Test
    void gracefulDeleteStopsContainersThenRemovesThePod() throws Exception {
        Pod created = create(pod("bye").build());
        cluster.await("default", "bye", T, "running", x -> Pods.running(x, "app"));
        cluster.client.pods().inNamespace("default").withName("bye").withGracePeriod(5).delete();
        cluster.awaitGone("default", "bye", T);
        String uid = created.getMetadata().getUid();
        long deadline = System.nanoTime() + T.toNanos();
        while (System.nanoTime() < deadline && !runtime.listContainers("hollow-1", uid).isEmpty()) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), runtime.listContainers("hollow-1", uid));
        assertEquals(List.of(), runtime.listSandboxes("hollow-1", uid));
    }

    @Test
    void aRestartedKubeletAdoptsRunningContainers() throws Exception {
        create(pod("keep").build());
        cluster.await("default", "keep", T, "Ready", x -> Pods.condition(x, "Ready"));
        String before = running("keep", "app").id();
        kubelet.close();
        kubelet = startKubelet();
        Thread.sleep(1500);
        Pod p = cluster.await("default", "keep", T, "Ready", x -> Pods.condition(x, "Ready"));
        assertEquals(before, running("keep", "app").id());
        assertEquals(0, Pods.restarts(p, "app"));
        assertEquals(1, runtime.allContainers().stream().filter(c -> c.pod().name().equals("keep")).count());
    }

    @Test
    void missingImageWithoutRegistryWaitsWithErrImagePull() throws Exception {
        FakeRuntime noImages = new FakeRuntime(false);
        try (Kubelet other = new Kubelet(cluster.client, noImages, KubeletConfig.defaults("hollow-2", root.resolve("2"))
                .withMachine(MachineInfo.hollow("hollow-2", "127.0.0.1")).withBackOffInitial(Duration.ofMillis(300))
                .withKubeletApi("127.0.0.1", -1)).start()) {
            Pod pod = pod("noimg").build();
            pod.getSpec().setNodeName("hollow-2");
            cluster.client.pods().inNamespace("default").resource(pod).create();
            // ErrImagePull lasts only until the first back-off is written: a watcher may see either first
            cluster.await("default", "noimg", T, "ErrImagePull or ImagePullBackOff",
                    x -> "ErrImagePull".equals(Pods.waitingReason(x, "app")) || "ImagePullBackOff".equals(Pods.waitingReason(x, "app")));
            cluster.await("default", "noimg", T, "ImagePullBackOff", x -> "ImagePullBackOff".equals(Pods.waitingReason(x, "app")));
            assertEquals("10.244.1.0/24", cluster.client.nodes().withName("hollow-2").get().getSpec().getPodCIDR());
        }
    }

    @Test
    void staticPodsRunFromFilesWithAMirrorPodThatCannotDeleteThem() throws Exception {
        Path manifests = Files.createDirectories(root.resolve("manifests"));
        try (Kubelet other = new Kubelet(cluster.client, runtime, KubeletConfig.defaults("hollow-3", root.resolve("3"))
                .withMachine(MachineInfo.hollow("hollow-3", "127.0.0.1")).withKubeletApi("127.0.0.1", -1)
                .withPodManifestPath(manifests)).start()) {
            Files.writeString(manifests.resolve("web.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: static-web\n"
                    + "spec:\n  containers:\n  - name: web\n    image: nginx\n");
            Pod mirror = cluster.await("default", "static-web-hollow-3", T, "Running", x -> Pods.running(x, "web"));
            assertEquals("hollow-3", mirror.getSpec().getNodeName());
            String container = runtime.allContainers().stream().filter(c -> c.pod().name().equals("static-web-hollow-3")).findFirst().orElseThrow().id();

            cluster.client.pods().inNamespace("default").withName("static-web-hollow-3").withGracePeriod(0).delete();
            Pod again = cluster.await("default", "static-web-hollow-3", T, "mirrored again",
                    x -> !x.getMetadata().getUid().equals(mirror.getMetadata().getUid()) && Pods.running(x, "web"));
            assertEquals(0, Pods.restarts(again, "web"));
            assertTrue(runtime.allContainers().stream().anyMatch(c -> c.id().equals(container) && c.running()));

            Files.delete(manifests.resolve("web.yaml"));
            cluster.awaitGone("default", "static-web-hollow-3", T);
            long deadline = System.nanoTime() + T.toNanos();
            while (System.nanoTime() < deadline && runtime.allContainers().stream().anyMatch(c -> c.pod().name().equals("static-web-hollow-3"))) {
                Thread.sleep(100);
            }
            assertTrue(runtime.allContainers().stream().noneMatch(c -> c.pod().name().equals("static-web-hollow-3")));
        }
    }
}
