package io.skiff.kubelet.images;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one tutorial image is made of: the Debian packages put on the root file system and
 * the image config that {@code docker import --change} sets (no public registry is reachable).
 */
public record ImageRecipe(String name, List<String> tags, boolean busyboxOnly, List<String> packages,
                          String shellSetup, List<String> changes) {

    /** busybox-only images come from busybox-static (seconds); the rest from a cached Debian minbase. */
    static final Map<String, ImageRecipe> ALL = Map.of(
            "busybox", new ImageRecipe("busybox", List.of("busybox:latest", "busybox:1.35"), true, List.of(), "",
                    List.of("CMD [\"sh\"]")),
            "pause", new ImageRecipe("pause", List.of(PauseImage.NAME), true, List.of(), "",
                    // PID 1 ignores signals it has no handler for; the trap makes SIGTERM end it at once.
                    List.of("ENTRYPOINT [\"/bin/sh\", \"-c\", \"trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done\"]")),
            "nginx", new ImageRecipe("nginx", List.of("nginx:latest", "nginx:1.22"), false, List.of("nginx-light"),
                    // as the official image: logs to the container's stdout/stderr, so kubectl logs shows them
                    "ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log",
                    List.of("CMD [\"nginx\", \"-g\", \"daemon off;\"]", "EXPOSE 80/tcp")),
            "redis", new ImageRecipe("redis", List.of("redis:latest", "redis:7"), false, List.of("redis-server"), "",
                    List.of("CMD [\"redis-server\", \"--protected-mode\", \"no\", \"--bind\", \"0.0.0.0\"]", "EXPOSE 6379/tcp")),
            "registry", new ImageRecipe("registry", List.of("registry:2", "registry:latest"), false, List.of("docker-registry"),
                    // the official image's configuration: no authentication (Debian's enables htpasswd), storage in /var/lib/registry
                    "mkdir -p /var/lib/registry /etc/docker/registry && printf '%s\\n' 'version: 0.1' 'log:' '  fields:' '    service: registry'"
                            + " 'storage:' '  cache:' '    blobdescriptor: inmemory' '  filesystem:' '    rootdirectory: /var/lib/registry'"
                            + " 'http:' '  addr: :5000' '  headers:' '    X-Content-Type-Options: [nosniff]' > /etc/docker/registry/config.yml",
                    List.of("CMD [\"/usr/bin/docker-registry\", \"serve\", \"/etc/docker/registry/config.yml\"]", "EXPOSE 5000/tcp")));

    public static Optional<ImageRecipe> named(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static List<String> names() {
        return List.of("nginx", "busybox", "redis", "registry", "pause");
    }
}
