package io.skiff.controllers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.skiff.controllers.TestCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code /usr/bin/kubectl} against an in-process API server with the controller
 * manager: rollout status, set image, history, undo, pause/resume, restart, as a user types them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlRolloutIT {
    private static final String NS = "kubectl";
    private TestCluster cluster;
    private HollowKubelet kubelet;
    private ControllerManager manager;
    private Path kubeconfig;

    @BeforeAll
    void start() throws Exception {
        cluster = new TestCluster();
        kubelet = new HollowKubelet(cluster.client).serve(NS);
        manager = ControllerManager.start(cluster.client, ControllerManagerOptions.defaults().withLeaderElect(false).withWorkers(2));
        kubeconfig = Files.createTempFile("kubeconfig", ".yaml");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: test, cluster: {server: "%s"}}]
                users: [{name: test, user: {}}]
                contexts: [{name: test, context: {cluster: test, user: test, namespace: %s}}]
                current-context: test
                """.formatted(cluster.url(), NS));
        kubectl("create", "namespace", NS);
    }

    @AfterAll
    void stop() throws Exception {
        manager.close();
        kubelet.close();
        cluster.close();
        Files.deleteIfExists(kubeconfig);
    }

    private String kubectl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/kubectl", "--kubeconfig", kubeconfig.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("kubectl", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        String text = Files.readString(out);
        Files.delete(out);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", args) + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    private void rolledOut() throws Exception {
        String out = kubectl("rollout", "status", "deployment/web", "--timeout=60s");
        assertTrue(out.endsWith("deployment \"web\" successfully rolled out\n"), out);
    }

    private String image() throws Exception {
        return kubectl("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}");
    }

    @Test
    void rolloutCommandsWorkAsInKubernetes() throws Exception {
        assertEquals("deployment.apps/web created\n", kubectl("create", "deployment", "web", "--image=nginx:1.27", "--replicas=3"));
        rolledOut();
        assertEquals("deployment.apps/web image updated\n", kubectl("set", "image", "deployment/web", "nginx=nginx:1.28"));
        rolledOut();
        String history = kubectl("rollout", "history", "deployment/web");
        assertTrue(history.contains("\n1 ") && history.contains("\n2 "), history);
        assertTrue(kubectl("rollout", "history", "deployment/web", "--revision=1").contains("nginx:1.27"));

        assertEquals("deployment.apps/web rolled back\n", kubectl("rollout", "undo", "deployment/web"));
        rolledOut();
        assertEquals("nginx:1.27", image());
        assertEquals("deployment.apps/web rolled back\n", kubectl("rollout", "undo", "deployment/web", "--to-revision=2"));
        rolledOut();
        assertEquals("nginx:1.28", image());

        assertEquals("deployment.apps/web paused\n", kubectl("rollout", "pause", "deployment/web"));
        kubectl("set", "image", "deployment/web", "nginx=nginx:1.29");
        assertEquals("deployment.apps/web resumed\n", kubectl("rollout", "resume", "deployment/web"));
        rolledOut();
        assertEquals("nginx:1.29", image());
        assertEquals("deployment.apps/web restarted\n", kubectl("rollout", "restart", "deployment/web"));
        rolledOut();

        kubectl("scale", "deployment", "web", "--replicas=5");
        rolledOut();
        String describe = kubectl("describe", "deployment", "web");
        assertTrue(describe.contains("NewReplicaSetAvailable") && describe.contains("MinimumReplicasAvailable"), describe);
        assertTrue(describe.contains("ScalingReplicaSet"), describe);

        kubectl("delete", "deployment", "web", "--cascade=orphan");
        await("orphaned set", Duration.ofSeconds(30), () -> cluster.client.apps().deployments().inNamespace(NS).withName("web").get() == null
                && cluster.client.apps().replicaSets().inNamespace(NS).withLabel("app", "web").list().getItems().stream()
                .allMatch(rs -> rs.getMetadata().getOwnerReferences().isEmpty()));
        assertEquals(5, cluster.client.pods().inNamespace(NS).withLabel("app", "web").list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).count());
    }

    @Test
    void describeServiceShowsTheEndpointsOfAnExposedDeployment() throws Exception {
        kubectl("create", "deployment", "shop", "--image=nginx", "--replicas=2", "--port=80");
        kubectl("expose", "deployment", "shop", "--port=8080", "--target-port=80");
        await("two ready endpoints", Duration.ofSeconds(30), () -> {
            try {
                String d = kubectl("describe", "service", "shop");
                return d.matches("(?s).*Endpoints:\\s+10\\.244\\.\\d+\\.\\d+:80,10\\.244\\.\\d+\\.\\d+:80\n.*");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String rs = kubectl("describe", "rs", "-l", "app=shop");
        assertTrue(rs.contains("SuccessfulCreate") && rs.contains("Created pod: shop-"), rs);
        String slices = kubectl("get", "endpointslices", "-l", "kubernetes.io/service-name=shop", "--no-headers");
        assertTrue(slices.startsWith("shop-") && slices.contains("IPv4") && slices.contains("80"), slices);
    }
}
