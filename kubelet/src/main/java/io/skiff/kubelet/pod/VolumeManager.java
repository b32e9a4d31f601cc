package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.skiff.kubelet.runtime.Mount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pod volumes as host directories under {@code <root>/pods/<uid>/volumes/<name>}, bound into
 * the containers: emptyDir (shared by the pod's containers, gone with the pod), hostPath, and
 * configMap/secret/projected volumes written as one file per key.
 */
public final class VolumeManager {
    private static final Logger log = LoggerFactory.getLogger(VolumeManager.class);

    private final Path root;
    private final KubernetesClient client;

    public VolumeManager(Path root, KubernetesClient client) {
        this.root = root;
        this.client = client;
    }

    public Path podDir(String uid) {
        return root.resolve("pods").resolve(uid);
    }

    /** Creates or refreshes every volume of the pod; returns host paths by volume name. */
    public Map<String, Path> prepare(Pod pod) throws ConfigError, IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        String ns = pod.getMetadata().getNamespace();
        Path dir = podDir(pod.getMetadata().getUid()).resolve("volumes");
        for (Volume v : list(pod.getSpec().getVolumes())) {
            Path p = dir.resolve(v.getName());
            if (v.getHostPath() != null) {
                p = Path.of(v.getHostPath().getPath());
                String type = v.getHostPath().getType() == null ? "" : v.getHostPath().getType();
                if (type.equals("DirectoryOrCreate")) {
                    Files.createDirectories(p);
                } else if (type.equals("FileOrCreate") && !Files.exists(p)) {
                    Files.createDirectories(p.getParent());
                    Files.createFile(p);
                } else if ((type.equals("Directory") && !Files.isDirectory(p)) || (type.equals("File") && !Files.isRegularFile(p))) {
                    throw new ConfigError("hostPath type check failed: " + p + " is not a " + type);
                }
            } else if (v.getConfigMap() != null) {
                ConfigMap cm = client.configMaps().inNamespace(ns).withName(v.getConfigMap().getName()).get();
                if (cm == null && !Boolean.TRUE.equals(v.getConfigMap().getOptional())) {
                    throw new ConfigError("configmap \"" + v.getConfigMap().getName() + "\" not found");
                }
                writeKeys(p, cm == null ? Map.of() : strings(cm.getData()), v.getConfigMap().getItems());
            } else if (v.getSecret() != null) {
                Secret s = client.secrets().inNamespace(ns).withName(v.getSecret().getSecretName()).get();
                if (s == null && !Boolean.TRUE.equals(v.getSecret().getOptional())) {
                    throw new ConfigError("secret \"" + v.getSecret().getSecretName() + "\" not found");
                }
                writeKeys(p, s == null ? Map.of() : EnvResolver.secretData(s), v.getSecret().getItems());
            } else if (v.getProjected() != null) {
                Files.createDirectories(p);
                for (VolumeProjection src : list(v.getProjected().getSources())) {
                    if (src.getConfigMap() != null) {
                        ConfigMap cm = client.configMaps().inNamespace(ns).withName(src.getConfigMap().getName()).get();
                        writeKeys(p, cm == null ? Map.of() : strings(cm.getData()), src.getConfigMap().getItems());
                    } else if (src.getSecret() != null) {
                        Secret s = client.secrets().inNamespace(ns).withName(src.getSecret().getName()).get();
                        writeKeys(p, s == null ? Map.of() : EnvResolver.secretData(s), src.getSecret().getItems());
                    } else if (src.getServiceAccountToken() != null) {
                        // tokens come with the security issue; the namespace file is what clients read first
                        Files.writeString(p.resolve("namespace"), ns);
                    }
                }
            } else {
                if (v.getEmptyDir() == null) {
                    log.warn("pod {}/{}: volume {} has an unsupported type; using an empty directory", ns, pod.getMetadata().getName(), v.getName());
                }
                Files.createDirectories(p);
                // containers may run as any user (runAsUser): the shared scratch space must be writable by all
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            out.put(v.getName(), p);
        }
        return out;
    }

    public List<Mount> mounts(Container c, Map<String, Path> volumes) throws ConfigError {
        List<Mount> out = new ArrayList<>();
        for (VolumeMount m : list(c.getVolumeMounts())) {
            Path host = volumes.get(m.getName());
            if (host == null) {
                throw new ConfigError("volume \"" + m.getName() + "\" not found in the pod");
            }
            if (m.getSubPath() != null && !m.getSubPath().isEmpty()) {
                host = host.resolve(m.getSubPath());
            }
            out.add(new Mount(host.toString(), m.getMountPath(), Boolean.TRUE.equals(m.getReadOnly())));
        }
        return out;
    }

    /** Removes the pod's directory (emptyDir contents, written ConfigMaps and Secrets). */
    public void cleanup(String uid) {
        Path dir = podDir(uid);
        if (!Files.exists(dir)) {
            return;
        }
        try {
            new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString()).start().waitFor();
        } catch (IOException e) {
            log.warn("could not remove {}: {}", dir, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeKeys(Path dir, Map<String, String> data, List<KeyToPath> items) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> files = new LinkedHashMap<>();
        if (items == null || items.isEmpty()) {
            files.putAll(data);
        } else {
            for (KeyToPath item : items) {
                if (data.containsKey(item.getKey())) {
                    files.put(item.getPath(), data.get(item.getKey()));
                }
            }
        }
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling("." + f.getFileName() + ".tmp");
            Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
            Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static Map<String, String> strings(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
