package io.skiff.kubelet.runtime;

import java.util.List;

/**
 * A container to create inside a sandbox, already resolved from the pod spec: env values
 * looked up, volumes turned into host directories, resources into cgroup settings.
 *
 * @param entrypoint  the pod's {@code command} (null keeps the image's ENTRYPOINT)
 * @param args        the pod's {@code args} (null keeps the image's CMD, unless command is set)
 * @param memoryLimit bytes, 0 = none; nanoCpus: CPU limit in 1e-9 CPUs, 0 = none; cpuShares: from the request
 * @param hash        changes when the spec of the container changes
 */
public record ContainerConfig(PodRef pod, String name, int attempt, String hash, String image,
                              List<String> entrypoint, List<String> args, List<String> env, List<Mount> mounts,
                              String workingDir, String user, long memoryLimit, long nanoCpus, long cpuShares,
                              boolean tty, boolean stdin) {
}
