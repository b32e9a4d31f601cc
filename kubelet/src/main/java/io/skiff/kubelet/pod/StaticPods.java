package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Static pods: every manifest in the pod manifest directory runs on this node without the API
 * server (name suffixed with the node's, UID derived from the file's content), and a mirror pod
 * shows each in the API. Deleting the file stops the pod; deleting the mirror pod does not —
 * the mirror is recreated. Each {@link #scan} reconciles files, pod workers and mirrors.
 */
public final class StaticPods {
    public static final String MIRROR = "kubernetes.io/config.mirror";
    public static final String SOURCE = "kubernetes.io/config.source";
    public static final String HASH = "kubernetes.io/config.hash";
    private static final Logger log = LoggerFactory.getLogger(StaticPods.class);

    private final Path dir;
    private final String node;
    private final String nodeUid;
    private final KubernetesClient client;
    private final PodWorkers workers;
    private Map<String, Pod> running = new HashMap<>();

    public StaticPods(Path dir, String node, String nodeUid, KubernetesClient client, PodWorkers workers) {
        this.dir = dir;
        this.node = node;
        this.nodeUid = nodeUid;
        this.client = client;
        this.workers = workers;
    }

    public static boolean isMirror(Pod pod) {
        var a = pod.getMetadata().getAnnotations();
        return a != null && a.containsKey(MIRROR);
    }

    public synchronized void scan() {
        Map<String, Pod> wanted = read();
        for (var e : running.entrySet()) {
            if (!wanted.containsKey(e.getKey())) {
                log.info("static pod {} removed from {}", PodSyncer.key(e.getValue()), dir);
                workers.removedStatic(e.getValue());
            }
        }
        for (Pod pod : wanted.values()) {
            if (!running.containsKey(pod.getMetadata().getUid())) {
                log.info("static pod {} found in {}", PodSyncer.key(pod), dir);
                workers.updateStatic(pod);
            }
            try {
                ensureMirror(pod);
            } catch (KubernetesClientException e) {
                log.debug("mirror pod of {} not written: {}", PodSyncer.key(pod), e.getMessage());
            }
        }
        running = wanted;
    }

    /** The mirror pod exists, is of this version of the manifest, and is not being deleted; else it is (re)created. */
    private void ensureMirror(Pod pod) {
        var md = pod.getMetadata();
        var res = client.pods().inNamespace(md.getNamespace()).withName(md.getName());
        Pod mirror = res.get();
        if (mirror != null) {
            String hash = mirror.getMetadata().getAnnotations() == null ? null : mirror.getMetadata().getAnnotations().get(MIRROR);
            if (md.getUid().equals(hash) && mirror.getMetadata().getDeletionTimestamp() == null) {
                return;
            }
            res.withGracePeriod(0).delete();
        }
        Pod copy = Serialization.clone(pod);
        copy.getMetadata().setUid(null);
        copy.getMetadata().getAnnotations().put(MIRROR, md.getUid());
        copy.getMetadata().setOwnerReferences(java.util.List.of(new OwnerReference("v1", false, true, "Node", node, nodeUid)));
        copy.setStatus(null);
        client.pods().inNamespace(md.getNamespace()).resource(copy).create();
        workers.resendStatus(md.getUid());
    }

    private Map<String, Pod> read() {
        Map<String, Pod> out = new HashMap<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
                try {
                    String text = Files.readString(f);
                    HasMetadata parsed = Serialization.unmarshal(text);
                    if (!(parsed instanceof Pod pod)) {
                        log.warn("{} is not a Pod; ignored", f);
                        continue;
                    }
                    Pod p = normalize(pod, text);
                    out.put(p.getMetadata().getUid(), p);
                } catch (IOException | RuntimeException e) {
                    log.warn("static pod manifest {} not readable: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("cannot list {}: {}", dir, e.getMessage());
        }
        return out;
    }

    private Pod normalize(Pod pod, String text) {
        var md = pod.getMetadata();
        md.setName(md.getName() + "-" + node);
        if (md.getNamespace() == null) {
            md.setNamespace("default");
        }
        String uid = uid(text + "\n" + node);
        md.setUid(uid);
        if (md.getAnnotations() == null) {
            md.setAnnotations(new HashMap<>());
        }
        md.getAnnotations().put(SOURCE, "file");
        md.getAnnotations().put(HASH, uid);
        pod.getSpec().setNodeName(node);
        if (pod.getSpec().getRestartPolicy() == null) {
            pod.getSpec().setRestartPolicy("Always");
        }
        pod.getSpec().getContainers().forEach(c -> {
            if (c.getTerminationMessagePath() == null) {
                c.setTerminationMessagePath("/dev/termination-log");
            }
        });
        return pod;
    }

    static String uid(String content) {
        try {
            String h = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content.getBytes(StandardCharsets.UTF_8)));
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
