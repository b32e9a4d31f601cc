package io.skiff.kubelet;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.skiff.kubelet.node.MachineInfo;
import io.skiff.kubelet.runtime.fake.FakeRuntime;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A hollow node for scale tests and benchmarks: the real kubelet (registration, Lease, pod
 * workers, status) over a {@link FakeRuntime}, so pods become Running at once and hundreds of
 * nodes fit in one JVM. Nodes may share one FakeRuntime; each sees only its own pods.
 */
public final class HollowKubelet implements AutoCloseable {
    private final Kubelet kubelet;
    private final FakeRuntime runtime;

    private HollowKubelet(Kubelet kubelet, FakeRuntime runtime) {
        this.kubelet = kubelet;
        this.runtime = runtime;
    }

    /** Registers node {@code name} (address 127.0.0.1, 4 CPUs, 16 GiB, 110 pods) and starts it. */
    public static HollowKubelet start(KubernetesClient client, String name, FakeRuntime runtime, Path rootDir) throws IOException {
        KubeletConfig cfg = KubeletConfig.defaults(name, rootDir.resolve(name))
                .withMachine(MachineInfo.hollow(name, "127.0.0.1")).withWorkers(2).withKubeletApi("127.0.0.1", -1);
        return new HollowKubelet(new Kubelet(client, runtime, cfg).start(), runtime);
    }

    public FakeRuntime runtime() {
        return runtime;
    }

    public Kubelet kubelet() {
        return kubelet;
    }

    @Override
    public void close() {
        kubelet.close();
    }
}
