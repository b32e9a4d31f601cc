package io.skiff.e2e;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learner's first step on real containers: {@code bin/skiff up} starts a node on Docker,
 * {@code kubectl apply -f nginx-pod.yaml} ends with nginx answering on the pod's IP, and
 * {@code bin/skiff down} leaves no container behind.
 */
class RealNodeIT {

    @Test
    void nginxPodAnswersOnItsIpAndNothingIsLeftAfterDown() throws Exception {
        Cluster.Result images = Cluster.Result.run(List.of(Cluster.ROOT.resolve("bin/skiff").toString(), "images", "build", "nginx", "busybox"), null, 600);
        assertEquals(0, images.code(), images.out() + images.err());
        Cluster cluster = Cluster.upWithNode();
        String node;
        try {
            String nodes = cluster.kubectl("get", "nodes", "-o", "wide").ok().out();
            assertTrue(nodes.matches("(?s)NAME\\s+STATUS\\s+ROLES\\s+AGE\\s+VERSION\\s+INTERNAL-IP.*\\n\\S+\\s+Ready\\s+<none>.*docker://.*"), nodes);
            node = nodes.lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
            String manifest = Files.readString(Cluster.ROOT.resolve("examples/nginx-pod.yaml"));
            assertEquals("pod/nginx created\n", cluster.kubectlWithInput(manifest, "apply", "-f", "-").ok().out());
            String ip = "";
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                String phase = cluster.kubectl("get", "pod", "nginx", "-o", "jsonpath={.status.phase} {.status.podIP}").ok().out();
                if (phase.startsWith("Running ")) {
                    ip = phase.substring("Running ".length()).trim();
                    break;
                }
                Thread.sleep(500);
            }
            assertTrue(ip.startsWith("10.244."), "a pod IP from the node's pod CIDR: '" + ip + "'");
            HttpResponse<String> page = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://" + ip + "/")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Welcome to nginx!"), page.body());
            String get = cluster.kubectl("get", "pod", "nginx").ok().out();
            assertTrue(get.matches("(?s).*\\nnginx\\s+1/1\\s+Running\\s+0\\s+\\d+s\\n"), get);

            // kubectl logs reaches the container through the API server and the kubelet
            cluster.kubectl("run", "talker", "--image=busybox", "--", "sh", "-c", "echo hello from skiff; echo second line; sleep 3600").ok();
            String logs = "";
            for (long until = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < until && !logs.contains("second line"); ) {
                Cluster.Result r = cluster.kubectl("logs", "talker");
                logs = r.code() == 0 ? r.out() : "";
                Thread.sleep(500);
            }
            assertEquals("hello from skiff\nsecond line\n", logs);
            assertEquals("second line\n", cluster.kubectl("logs", "talker", "--tail", "1").ok().out());
        } finally {
            cluster.close();
        }
        Cluster.Result left = Cluster.Result.run(List.of("docker", "ps", "-aq", "--filter", "label=io.skiff.node=" + node), null, 60);
        assertEquals("", left.out().trim(), "every container of the node is gone after skiff down");
    }
}
