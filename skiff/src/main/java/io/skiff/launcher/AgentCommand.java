package io.skiff.launcher;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.skiff.kubelet.Kubelet;
import io.skiff.kubelet.KubeletConfig;
import io.skiff.kubelet.images.ImageBuilder;
import io.skiff.kubelet.images.PauseImage;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.docker.DockerRuntime;
import io.skiff.kubelet.runtime.fake.FakeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code skiff agent}: a node (kubelet) in the foreground, joined to an API server. */
@Command(name = "agent", description = "Run a node agent (kubelet) that joins the cluster at --server.")
final class AgentCommand implements Callable<Integer> {
    @Option(names = "--server", description = "API server URL, e.g. https://10.0.0.1:6443 (required unless --remove-containers).")
    String server;

    @Option(names = "--token", description = "Bearer token (a node join token).")
    String token;

    @Option(names = "--node-name", description = "Node name (default: this machine's hostname).")
    String nodeName;

    @Option(names = "--data-dir", description = "Data directory (default $SKIFF_HOME or ~/.skiff); pod volumes live in <data-dir>/kubelet/<node>.")
    String dataDir;

    @Option(names = "--runtime", defaultValue = "docker", description = "docker (default) or fake (a hollow node).")
    String runtimeName;

    @Option(names = "--docker-host", defaultValue = DockerRuntime.DEFAULT_HOST)
    String dockerHost;

    @Option(names = "--pod-cidr", description = "This node's pod CIDR (default: the Node's spec.podCIDR, else the lowest free 10.244.N.0/24).")
    String podCidr;

    @Option(names = "--node-ip", description = "The node's InternalIP (default: the first address of an up, non-loopback interface).")
    String nodeIp;

    @Option(names = "--kubelet-address", defaultValue = "127.0.0.1",
            description = "Bind address of the kubelet API (logs). Loopback by default: it has no authentication yet.")
    String kubeletAddress;

    @Option(names = "--kubelet-port", defaultValue = "10250", description = "Port of the kubelet API (-1: none).")
    int kubeletPort;

    @Option(names = "--pod-manifest-path", description = "Directory of static pod manifests (run without the API server, mirrored into it).")
    Path podManifestPath;

    @Option(names = "--client-certificate", description = "The node's client certificate (PEM), e.g. from skiff up.")
    java.nio.file.Path clientCert;

    @Option(names = "--client-key", description = "The key of --client-certificate (PEM, EC).")
    java.nio.file.Path clientKey;

    @Option(names = "--certificate-authority", description = "CA file to verify the API server's certificate.")
    String caFile;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the API server's certificate.")
    boolean insecure;

    @Option(names = "--remove-containers", description = "Remove every container and sandbox of this node, then exit (used by skiff down).")
    boolean removeContainers;

    @Override
    public Integer call() throws Exception {
        String node = nodeName != null ? nodeName : InetAddress.getLocalHost().getHostName().toLowerCase();
        ContainerRuntime runtime;
        if (runtimeName.equals("fake")) {
            runtime = new FakeRuntime();
        } else {
            DockerEngine.ensureRunning();
            if (ImageBuilder.withDefaults().build("pause", false)) {
                System.out.println("✓ Built the sandbox image " + PauseImage.NAME);
            }
            runtime = new DockerRuntime(dockerHost, PauseImage.NAME, "10.244.0.0/16", "10.244.0.1");
        }
        if (removeContainers) {
            int n = removeAll(runtime, node);
            System.out.println("✓ Removed " + n + " containers of node " + node);
            if (runtime instanceof DockerRuntime docker && docker.removeNetworkIfUnused()) {
                System.out.println("✓ Removed the Docker network skiff");
            }
            runtime.close();
            return 0;
        }
        if (server == null) {
            System.err.println("✗ --server is required");
            runtime.close();
            return 2;
        }
        ConfigBuilder cfg = new ConfigBuilder().withMasterUrl(server).withTrustCerts(insecure);
        if (token != null) {
            cfg.withOauthToken(token);
        }
        if (caFile != null) {
            cfg.withCaCertFile(caFile);
        }
        if (clientCert != null && clientKey != null) {
            cfg.withClientCertFile(clientCert.toString()).withClientKeyFile(clientKey.toString()).withClientKeyAlgo("EC");
        }
        KubernetesClient client = io.skiff.client.KubeClients.fromConfig(cfg.build());
        Path root = SkiffHome.resolve(dataDir).dir().resolve("kubelet").resolve(node);
        Kubelet kubelet = new Kubelet(client, runtime, KubeletConfig.defaults(node, root).withPodCidr(podCidr).withNodeIp(nodeIp)
                .withKubeletApi(kubeletAddress, kubeletPort).withPodManifestPath(podManifestPath)).start();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kubelet.close();
            runtime.close();
            client.close();
            stop.countDown();
        }, "shutdown"));
        stop.await();
        return 0;
    }

    private static int removeAll(ContainerRuntime runtime, String node) {
        int n = 0;
        for (var c : runtime.listContainers(node)) {
            runtime.removeContainer(c.id());
            n++;
        }
        for (var s : runtime.listSandboxes(node)) {
            runtime.removeSandbox(s.id());
            n++;
        }
        return n;
    }
}
