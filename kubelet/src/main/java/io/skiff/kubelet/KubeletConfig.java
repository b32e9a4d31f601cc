package io.skiff.kubelet;

import io.skiff.kubelet.node.MachineInfo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A kubelet's settings.
 *
 * @param podCidr        null: the Node's spec.podCIDR, else the lowest free 10.244.N.0/24
 * @param machine        null: read the real machine (with {@code nodeIp} as its address when set)
 * @param backOffInitial first crash-loop / image-pull back-off (Kubernetes: 10 s, doubling to 5 min)
 * @param workers        pods synced in parallel
 * @param kubeletPort    the kubelet API's port (10250; 0 = any free port; -1 = no API, as hollow nodes)
 * @param podManifestPath directory of static pod manifests, or null
 * @param kubeletAddress the kubelet API's bind address (loopback by default: it has no authentication yet)
 */
public record KubeletConfig(String nodeName, String podCidr, String nodeIp, Path rootDir, MachineInfo machine,
                            Duration backOffInitial, int workers, Duration relistPeriod, Duration heartbeatPeriod,
                            Duration resyncPeriod, int kubeletPort, String kubeletAddress, Path podManifestPath) {

    public static KubeletConfig defaults(String nodeName, Path rootDir) {
        return new KubeletConfig(nodeName, null, null, rootDir, null, Duration.ofSeconds(10), 8, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(10), 10250, "127.0.0.1", null);
    }

    public KubeletConfig withPodCidr(String cidr) {
        return new KubeletConfig(nodeName, cidr, nodeIp, rootDir, machine, backOffInitial, workers, relistPeriod, heartbeatPeriod, resyncPeriod, kubeletPort, kubeletAddress, podManifestPath);
    }

    public KubeletConfig withNodeIp(String ip) {
        return new KubeletConfig(nodeName, podCidr, ip, rootDir, machine, backOffInitial, workers, relistPeriod, heartbeatPeriod, resyncPeriod, kubeletPort, kubeletAddress, podManifestPath);
    }

    public KubeletConfig withMachine(MachineInfo m) {
        return new KubeletConfig(nodeName, podCidr, nodeIp, rootDir, m, backOffInitial, workers, relistPeriod, heartbeatPeriod, resyncPeriod, kubeletPort, kubeletAddress, podManifestPath);
    }

    public KubeletConfig withBackOffInitial(Duration d) {
        return new KubeletConfig(nodeName, podCidr, nodeIp, rootDir, machine, d, workers, relistPeriod, heartbeatPeriod, resyncPeriod, kubeletPort, kubeletAddress, podManifestPath);
    }

    public KubeletConfig withWorkers(int n) {
        return new KubeletConfig(nodeName, podCidr, nodeIp, rootDir, machine, backOffInitial, n, relistPeriod, heartbeatPeriod, resyncPeriod, kubeletPort, kubeletAddress, podManifestPath);
    }

    public KubeletConfig withKubeletApi(String address, int port) {
        return new KubeletConfig(nodeName, podCidr, nodeIp, rootDir, machine, backOffInitial, workers, relistPeriod, heartbeatPeriod, resyncPeriod, port, address, podManifestPath);
    }

    public KubeletConfig withPodManifestPath(Path dir) {
        return new KubeletConfig(nodeName, podCidr, nodeIp, rootDir, machine, backOffInitial, workers, relistPeriod, heartbeatPeriod, resyncPeriod, kubeletPort, kubeletAddress, dir);
    }

    public KubeletConfig withHeartbeatPeriod(Duration d) {
        return new KubeletConfig(nodeName, podCidr, nodeIp, rootDir, machine, backOffInitial, workers, relistPeriod, d, resyncPeriod, kubeletPort, kubeletAddress, podManifestPath);
    }
}
