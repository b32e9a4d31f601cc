package io.skiff.kubelet.node;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the node tells about its machine: capacity (CPU, memory, ephemeral storage, pods),
 * the address pods and the API server reach it on, and nodeInfo (OS image, kernel, IDs).
 * {@link #fromHost} reads the real machine; {@link #hollow} describes a simulated one.
 */
public record MachineInfo(int cpus, long memoryBytes, long storageBytes, int maxPods, String hostname, String address,
                          String osImage, String kernelVersion, String architecture, String machineId, String bootId) {

    public static MachineInfo fromHost(Path rootDir, String nodeIpOverride) throws IOException {
        Files.createDirectories(rootDir);
        long mem = meminfo().getOrDefault("MemTotal", 0L) * 1024;
        long disk = Files.getFileStore(rootDir).getTotalSpace();
        String hostname = InetAddress.getLocalHost().getHostName();
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), mem, disk, 110, hostname,
                nodeIpOverride != null ? nodeIpOverride : primaryAddress(), readOsImage(), read("/proc/sys/kernel/osrelease", "unknown"),
                arch, read("/etc/machine-id", ""), read("/proc/sys/kernel/random/boot_id", ""));
    }

    public static MachineInfo hollow(String nodeName, String address) {
        return new MachineInfo(4, 16L << 30, 100L << 30, 110, nodeName, address, "Skiff hollow node", "hollow", "amd64",
                nodeName, nodeName);
    }

    /** /proc/meminfo in KiB. */
    static Map<String, Long> meminfo() throws IOException {
        Map<String, Long> out = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            String[] f = line.split("[:\\s]+");
            if (f.length >= 2) {
                out.put(f[0], Long.parseLong(f[1]));
            }
        }
        return out;
    }

    private static String readOsImage() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring(12).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return System.getProperty("os.name");
    }

    private static String read(String file, String fallback) {
        try {
            return String.join("\n", Files.readAllLines(Path.of(file))).strip();
        } catch (IOException e) {
            return fallback;
        }
    }

    /** The first IPv4 address of an up, non-loopback interface that is not a container bridge. */
    static String primaryAddress() {
        try {
            List<NetworkInterface> nics = Collections.list(NetworkInterface.getNetworkInterfaces());
            for (NetworkInterface nic : nics) {
                String n = nic.getName();
                if (!nic.isUp() || nic.isLoopback() || n.startsWith("docker") || n.startsWith("br-") || n.startsWith("veth")) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through
        }
        return "127.0.0.1";
    }
}
