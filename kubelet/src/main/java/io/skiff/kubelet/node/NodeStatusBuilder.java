package io.skiff.kubelet.node;

import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Quantity;
import io.skiff.kubelet.pod.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Node's status as the kubelet reports it; lastTransitionTime is kept while a condition holds. */
public final class NodeStatusBuilder {
    public static final String KUBELET_VERSION = "v1.32.4";

    private NodeStatusBuilder() {
    }

    public static NodeStatus build(MachineInfo m, String runtimeVersion, NodeConditions.Pressure pressure, NodeStatus previous,
                                   int kubeletPort, Instant now) {
        NodeStatus s = new NodeStatus();
        Map<String, Quantity> capacity = Map.of(
                "cpu", new Quantity(Integer.toString(m.cpus())),
                "memory", new Quantity((m.memoryBytes() / 1024) + "Ki"),
                "ephemeral-storage", new Quantity((m.storageBytes() / 1024) + "Ki"),
                "pods", new Quantity(Integer.toString(m.maxPods())));
        s.setCapacity(capacity);
        s.setAllocatable(capacity);
        s.setAddresses(List.of(new NodeAddress(m.address(), "InternalIP"), new NodeAddress(m.hostname(), "Hostname")));
        NodeSystemInfo info = new NodeSystemInfo();
        info.setArchitecture(m.architecture());
        info.setOperatingSystem("linux");
        info.setOsImage(m.osImage());
        info.setKernelVersion(m.kernelVersion());
        info.setContainerRuntimeVersion(runtimeVersion);
        info.setKubeletVersion(KUBELET_VERSION);
        info.setKubeProxyVersion("");
        info.setMachineID(m.machineId());
        info.setSystemUUID(m.machineId());
        info.setBootID(m.bootId());
        s.setNodeInfo(info);
        s.setDaemonEndpoints(new io.fabric8.kubernetes.api.model.NodeDaemonEndpointsBuilder()
                .withNewKubeletEndpoint().withPort(kubeletPort).endKubeletEndpoint().build());
        List<NodeCondition> conditions = new ArrayList<>();
        conditions.add(condition(previous, "MemoryPressure", pressure.memory(), pressure.memory() ? "KubeletHasInsufficientMemory" : "KubeletHasSufficientMemory",
                pressure.memory() ? "kubelet has insufficient memory available" : "kubelet has sufficient memory available", now));
        conditions.add(condition(previous, "DiskPressure", pressure.disk(), pressure.disk() ? "KubeletHasDiskPressure" : "KubeletHasNoDiskPressure",
                pressure.disk() ? "kubelet has disk pressure" : "kubelet has no disk pressure", now));
        conditions.add(condition(previous, "PIDPressure", pressure.pid(), pressure.pid() ? "KubeletHasInsufficientPID" : "KubeletHasSufficientPID",
                pressure.pid() ? "kubelet has insufficient PID available" : "kubelet has sufficient PID available", now));
        conditions.add(condition(previous, "Ready", true, "KubeletReady", "kubelet is posting ready status", now));
        s.setConditions(conditions);
        return s;
    }

    private static NodeCondition condition(NodeStatus previous, String type, boolean status, String reason, String message, Instant now) {
        String value = status ? "True" : "False";
        String since = Times.format(now);
        if (previous != null && previous.getConditions() != null) {
            for (NodeCondition c : previous.getConditions()) {
                if (c.getType().equals(type) && value.equals(c.getStatus()) && c.getLastTransitionTime() != null) {
                    since = c.getLastTransitionTime();
                }
            }
        }
        NodeCondition c = new NodeCondition();
        c.setType(type);
        c.setStatus(value);
        c.setReason(reason);
        c.setMessage(message);
        c.setLastHeartbeatTime(Times.format(now));
        c.setLastTransitionTime(since);
        return c;
    }
}
