package io.skiff.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The everyday commands of a Kubernetes tutorial, verbatim, with the real kubectl 1.32 against
 * {@code bin/skiff up}. Each test works in its own namespace so they do not see each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlTutorialIT {
    private static final Path MANIFESTS = Cluster.ROOT.resolve("e2e/src/test/resources/manifests");
    private Cluster cluster;

    @BeforeAll
    void up() throws Exception {
        cluster = Cluster.up();
    }

    @AfterAll
    void down() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Cluster.Result k(String... args) throws Exception {
        return cluster.kubectl(args);
    }

    private void namespace(String ns) throws Exception {
        assertEquals("namespace/" + ns + " created\n", k("create", "namespace", ns).ok().out());
    }

    @Test
    void applyCreatesThenUpdatesThroughStrategicMergePatch() throws Exception {
        namespace("apply");
        String manifest = Files.readString(MANIFESTS.resolve("nginx-pod.yaml"));
        assertEquals("pod/nginx created\n", cluster.kubectlWithInput(manifest, "apply", "-n", "apply", "-f", "-").ok().out());
        assertEquals("pod/nginx unchanged\n", cluster.kubectlWithInput(manifest, "apply", "-n", "apply", "-f", "-").ok().out());
        String edited = manifest.replace("app: nginx", "app: nginx\n    tier: web").replace("nginx:1.27", "nginx:1.28");
        assertEquals("pod/nginx configured\n", cluster.kubectlWithInput(edited, "apply", "-n", "apply", "-f", "-").ok().out());
        assertEquals("nginx:1.28 web", k("get", "pod", "nginx", "-n", "apply", "-o",
                "jsonpath={.spec.containers[0].image} {.metadata.labels.tier}").ok().out());
        // removing the label from the file removes it from the object (null in the patch)
        assertEquals("pod/nginx configured\n", cluster.kubectlWithInput(edited.replace("\n    tier: web", ""),
                "apply", "-n", "apply", "-f", "-").ok().out());
        assertEquals("", k("get", "pod", "nginx", "-n", "apply", "-o", "jsonpath={.metadata.labels.tier}").ok().out());
    }

    @Test
    void applyDirectoryWithSeveralDocuments() throws Exception {
        namespace("multi");
        String out = k("apply", "-n", "multi", "-f", MANIFESTS.resolve("app").toString()).ok().out();
        assertEquals("pod/solo created\nservice/web created\ndeployment.apps/web created\n", out);
        String svc = k("get", "svc", "web", "-n", "multi").ok().out();
        assertTrue(svc.matches("(?s)NAME\\s+TYPE\\s+CLUSTER-IP\\s+EXTERNAL-IP\\s+PORT\\(S\\)\\s+AGE\nweb\\s+ClusterIP\\s+10\\.\\d+\\.\\d+\\.\\d+\\s+<none>\\s+80/TCP\\s+\\d+s\n"), svc);
        String deploy = k("get", "deploy", "-n", "multi").ok().out();
        // no node runs the pods, so none is ready; the controller may already have created them
        assertTrue(deploy.matches("(?s)NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE\nweb\\s+0/2\\s+[02]\\s+0\\s+\\d+s\n"), deploy);
        String all = k("get", "all", "-n", "multi").ok().out();
        assertTrue(all.contains("pod/solo") && all.contains("service/web") && all.contains("deployment.apps/web"), all);
        assertEquals(1, all.split("deployment.apps/web", -1).length - 1, "one deployment row in get all: " + all);
        assertEquals("deployment.apps \"web\" deleted\n", k("delete", "-n", "multi", "-f",
                MANIFESTS.resolve("app/all-in-one.yaml").toString()).out().lines().filter(l -> l.contains("deployment")).findFirst().orElse("") + "\n");
    }

    @Test
    void getInEveryOutputFormat() throws Exception {
        namespace("formats");
        k("apply", "-n", "formats", "-f", MANIFESTS.resolve("app").toString()).ok();
        k("run", "x", "-n", "formats", "--image=busybox", "--labels=env=b").ok();
        assertTrue(k("get", "pods", "-n", "formats", "-o", "wide").ok().out()
                .matches("(?s)NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\s+IP\\s+NODE\\s+NOMINATED NODE\\s+READINESS GATES\n.*"));
        assertTrue(k("get", "pod", "solo", "-n", "formats", "-o", "yaml").ok().out().contains("kind: Pod\n"));
        assertTrue(k("get", "pod", "solo", "-n", "formats", "-o", "json").ok().out().contains("\"kind\": \"Pod\""));
        assertEquals("pod/solo\npod/x\n", k("get", "pods", "-n", "formats", "-l", "env", "-o", "name").ok().out());
        assertEquals("solo x ", k("get", "pods", "-n", "formats", "-l", "env", "-o", "go-template={{range .items}}{{.metadata.name}} {{end}}").ok().out());
        assertEquals("solo", k("get", "pods", "-n", "formats", "-l", "app=solo", "-o", "jsonpath={.items[*].metadata.name}").ok().out());
        assertEquals("pod/solo\npod/x\n", k("get", "pods", "-n", "formats", "-l", "env in (a,b)", "-o", "name").ok().out());
        assertEquals("pod/x\n", k("get", "pods", "-n", "formats", "--field-selector", "metadata.name=x", "-o", "name").ok().out());
        assertEquals("pod/solo\n", k("get", "pods", "-n", "formats", "-l", "env", "--field-selector", "status.phase=Pending,metadata.name!=x", "-o", "name").ok().out());
        String labels = k("get", "pods", "-n", "formats", "--show-labels").ok().out();
        assertTrue(labels.contains("app=solo,env=a") && labels.matches("(?s).*\nx\\s+0/1\\s+Pending\\s+0\\s+\\d+s\\s+env=b\n.*"), labels);
        String everywhere = k("get", "pods", "-A").ok().out();
        assertTrue(everywhere.startsWith("NAMESPACE") && everywhere.contains("formats "), everywhere);
        Cluster.Result none = k("get", "pods", "-n", "empty-ns");
        assertEquals("No resources found in empty-ns namespace.\n", none.err());
        Cluster.Result missing = k("get", "pod", "nope", "-n", "formats");
        assertEquals(1, missing.code());
        assertEquals("Error from server (NotFound): pods \"nope\" not found\n", missing.err());
        assertTrue(k("get", "ns").ok().out().contains("formats"));
        assertTrue(k("get", "endpoints", "-A").ok().out().contains("kubernetes"));
        k("get", "nodes").ok();
        k("get", "events", "-A").ok();
        k("get", "rs", "-n", "formats").ok();
    }

    @Test
    void watchStreamsChanges() throws Exception {
        namespace("watch");
        Process watch = new ProcessBuilder(cluster.kubectlCommand("get", "pods", "-n", "watch", "-w")).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8));
            Thread.sleep(1_500); // let the watch start
            k("run", "streamed", "-n", "watch", "--image=busybox").ok();
            List<String> seen = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                String line = lines.readLine();
                if (line == null) {
                    break;
                }
                seen.add(line);
                if (line.startsWith("streamed ")) {
                    break;
                }
            }
            assertTrue(seen.stream().anyMatch(l -> l.matches("streamed\\s+0/1\\s+Pending\\s+0\\s+\\d+s")), "watch printed: " + seen);
        } finally {
            watch.destroy();
            watch.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void describeShowsEvents() throws Exception {
        namespace("describe");
        k("run", "described", "-n", "describe", "--image=busybox").ok();
        String uid = k("get", "pod", "described", "-n", "describe", "-o", "jsonpath={.metadata.uid}").ok().out();
        String event = Files.readString(MANIFESTS.resolve("event.yaml")).replace("namespace: describe", "namespace: describe\n  uid: " + uid);
        cluster.kubectlWithInput(event, "create", "-n", "describe", "-f", "-").ok();
        String out = k("describe", "pod", "described", "-n", "describe").ok().out();
        assertTrue(out.contains("Name:             described"), out);
        assertTrue(out.matches("(?s).*Events:\n  Type\\s+Reason\\s+Age\\s+From\\s+Message\n.*Normal\\s+Scheduled\\s+.*default-scheduler\\s+Successfully assigned describe/described to node-1.*"), out);
        k("create", "deployment", "web", "-n", "describe", "--image=nginx").ok();
        k("expose", "deployment", "web", "-n", "describe", "--port", "80").ok();
        String svc = k("describe", "svc", "web", "-n", "describe").ok().out();
        assertTrue(svc.matches("(?s).*\nSelector:\\s+app=web\nType:\\s+ClusterIP\n.*"), svc);
        String deploy = k("describe", "deployment", "web", "-n", "describe").ok().out();
        assertTrue(deploy.contains("RollingUpdateStrategy:  25% max unavailable, 25% max surge"), deploy);
    }

    @Test
    void imperativeCommands() throws Exception {
        assertEquals("namespace/ramcoin created\n", k("create", "namespace", "ramcoin").ok().out());
        Cluster.Result again = k("create", "namespace", "ramcoin");
        assertEquals("Error from server (AlreadyExists): namespaces \"ramcoin\" already exists\n", again.err());
        assertEquals("deployment.apps/web created\n", k("create", "deployment", "web", "-n", "ramcoin", "--image=nginx").ok().out());
        assertEquals("pod/x created\n", k("run", "x", "-n", "ramcoin", "--image=busybox", "--port=8080").ok().out());
        assertEquals("service/web exposed\n", k("expose", "deployment", "web", "-n", "ramcoin", "--port", "80", "--type=NodePort").ok().out());
        String nodePort = k("get", "svc", "web", "-n", "ramcoin", "-o", "jsonpath={.spec.ports[0].nodePort}").ok().out();
        int port = Integer.parseInt(nodePort);
        assertTrue(port >= 30000 && port <= 32767, nodePort);
        assertEquals("deployment.apps/web scaled\n", k("scale", "deployment", "web", "-n", "ramcoin", "--replicas=3").ok().out());
        assertEquals("3", k("get", "deploy", "web", "-n", "ramcoin", "-o", "jsonpath={.spec.replicas}").ok().out());
        assertEquals("service/nodeport-svc created\n", k("create", "service", "nodeport", "nodeport-svc", "-n", "ramcoin", "--tcp=80:8080").ok().out());
    }

    @Test
    void labelsAnnotationsAndPatches() throws Exception {
        namespace("patching");
        k("run", "p", "-n", "patching", "--image=busybox").ok();
        assertEquals("pod/p labeled\n", k("label", "pod", "p", "-n", "patching", "app=v1").ok().out());
        Cluster.Result clash = k("label", "pod", "p", "-n", "patching", "app=v2");
        assertNotEquals(0, clash.code());
        assertTrue(clash.err().contains("already has a value (v1)"), clash.err());
        k("label", "pod", "p", "-n", "patching", "app=v2", "--overwrite").ok();
        assertEquals("v2", k("get", "pod", "p", "-n", "patching", "-o", "jsonpath={.metadata.labels.app}").ok().out());
        assertEquals("pod/p unlabeled\n", k("label", "pod", "p", "-n", "patching", "app-").ok().out());
        assertEquals("", k("get", "pod", "p", "-n", "patching", "-o", "jsonpath={.metadata.labels.app}").ok().out());
        assertEquals("pod/p annotated\n", k("annotate", "pod", "p", "-n", "patching", "note=hello").ok().out());
        k("create", "service", "nodeport", "web", "-n", "patching", "--tcp=80:8080").ok();
        assertEquals("service/web patched\n", k("patch", "svc", "web", "-n", "patching", "--type=json", "-p",
                "[{\"op\":\"replace\",\"path\":\"/spec/ports/0/nodePort\",\"value\":30080}]").ok().out());
        assertEquals("30080", k("get", "svc", "web", "-n", "patching", "-o", "jsonpath={.spec.ports[0].nodePort}").ok().out());
        k("patch", "svc", "web", "-n", "patching", "--type=merge", "-p", "{\"metadata\":{\"labels\":{\"merged\":\"yes\"}}}").ok();
        k("patch", "svc", "web", "-n", "patching", "-p", "{\"metadata\":{\"labels\":{\"strategic\":\"yes\"}}}").ok();
        assertEquals("yes yes", k("get", "svc", "web", "-n", "patching", "-o",
                "jsonpath={.metadata.labels.merged} {.metadata.labels.strategic}").ok().out());
        Cluster.Result taken = k("create", "service", "nodeport", "other", "-n", "patching", "--tcp=81:8080", "--node-port=30080");
        assertNotEquals(0, taken.code());
        assertTrue(taken.err().contains("provided port is already allocated"), taken.err());
    }

    @Test
    void deletions() throws Exception {
        namespace("deleting");
        k("run", "a", "-n", "deleting", "--image=busybox").ok();
        assertEquals("pod \"a\" deleted\n", k("delete", "pod", "a", "-n", "deleting").ok().out());
        k("run", "x", "-n", "deleting", "--image=busybox").ok();
        k("expose", "pod", "x", "-n", "deleting", "--port=80").ok();
        k("label", "svc", "x", "-n", "deleting", "run=x", "--overwrite").ok();
        assertEquals("service \"x\" deleted\n", k("delete", "svc", "-l", "run=x", "-n", "deleting").ok().out());
        k("run", "forced", "-n", "deleting", "--image=busybox").ok();
        Cluster.Result forced = k("delete", "pod", "forced", "-n", "deleting", "--force", "--grace-period=0").ok();
        assertTrue(forced.out().contains("pod \"forced\" force deleted"), forced.out());
        k("apply", "-n", "deleting", "-f", MANIFESTS.resolve("nginx-pod.yaml").toString()).ok();
        assertEquals("pod \"nginx\" deleted\n", k("delete", "-n", "deleting", "-f", MANIFESTS.resolve("nginx-pod.yaml").toString()).ok().out());
        k("create", "deployment", "gone", "-n", "deleting", "--image=nginx").ok();
        assertEquals("namespace \"deleting\" deleted\n", k("delete", "namespace", "deleting").ok().out());
        Cluster.Result after = k("get", "namespace", "deleting");
        assertEquals("Error from server (NotFound): namespaces \"deleting\" not found\n", after.err());
    }

    @Test
    void clusterInformation() throws Exception {
        String resources = k("api-resources").ok().out();
        assertTrue(resources.matches("(?s).*\npods\\s+po\\s+v1\\s+true\\s+Pod\n.*"), resources);
        assertTrue(resources.matches("(?s).*\ndeployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment\n.*"), resources);
        assertTrue(k("version").ok().out().contains("Server Version: v1.32.4"));
        assertTrue(k("cluster-info").ok().out().contains("Kubernetes control plane is running at " + cluster.server()));
        String explain = k("explain", "pod.spec").ok().out();
        assertTrue(explain.contains("KIND:       Pod") && explain.contains("containers"), explain);
    }

    @Test
    void kubectlWithoutCredentialsIsRefused() throws Exception {
        String kubeconfig = Files.readString(cluster.kubeconfig());
        Path anonymous = Files.createTempFile("anonymous", ".kubeconfig");
        try {
            // same server and CA, no client certificate (a bare username, so kubectl does not prompt for one)
            Files.writeString(anonymous, kubeconfig.replaceAll("client-certificate-data:.*", "username: nobody")
                    .replaceAll("(?m)^\\s*client-key-data:.*$", ""));
            Cluster.Result r = Cluster.Result.run(List.of("/usr/bin/kubectl", "--kubeconfig", anonymous.toString(), "get", "pods"), null, 60);
            assertEquals(1, r.code());
            assertTrue(r.err().contains("error: You must be logged in to the server ("), r.err()); // kubectl's words for a 401
        } finally {
            Files.delete(anonymous);
        }
        assertTrue(cluster.server().startsWith("https://"), cluster.server());
    }

    @Test
    void rbacLimitsAUserToWhatIsBound() throws Exception {
        namespace("team");
        k("create", "rolebinding", "alice-view", "--clusterrole=view", "--user=alice", "-n", "team").ok();
        k("run", "p", "-n", "team", "--image=busybox").ok();
        // alice uses the same server and CA, with her token instead of the admin certificate
        String alice = Files.readString(cluster.kubeconfig()).replaceAll("client-certificate-data:.*", "token: " + Cluster.ALICE_TOKEN)
                .replaceAll("(?m)^\\s*client-key-data:.*$", "");
        Path kubeconfig = Files.createTempFile("alice", ".kubeconfig");
        try {
            Files.writeString(kubeconfig, alice);
            java.util.function.Function<String[], Cluster.Result> as = args -> {
                List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/kubectl", "--kubeconfig", kubeconfig.toString()));
                cmd.addAll(List.of(args));
                try {
                    return Cluster.Result.run(cmd, null, 60);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            assertEquals("pod/p\n", as.apply(new String[] {"get", "pods", "-n", "team", "-o", "name"}).ok().out());
            Cluster.Result elsewhere = as.apply(new String[] {"get", "pods", "-n", "default"});
            assertEquals("Error from server (Forbidden): pods is forbidden: User \"alice\" cannot list resource \"pods\" in API group \"\" "
                    + "in the namespace \"default\"\n", elsewhere.err());
            Cluster.Result delete = as.apply(new String[] {"delete", "pod", "p", "-n", "team"});
            assertEquals("Error from server (Forbidden): pods \"p\" is forbidden: User \"alice\" cannot delete resource \"pods\" in API group \"\" "
                    + "in the namespace \"team\"\n", delete.err());
            assertEquals("yes\n", as.apply(new String[] {"auth", "can-i", "list", "pods", "-n", "team"}).out());
            assertEquals("no\n", as.apply(new String[] {"auth", "can-i", "delete", "pods", "-n", "team"}).out());
            assertEquals("no\n", as.apply(new String[] {"auth", "can-i", "get", "secrets", "-n", "team"}).out(), "view does not read secrets");
            assertTrue(as.apply(new String[] {"auth", "whoami"}).ok().out().matches("(?s).*Username\\s+alice\n.*"));
        } finally {
            Files.delete(kubeconfig);
        }
    }

    @Test
    void serviceAccountTokensAuthenticateUntilTheAccountIsGone() throws Exception {
        namespace("robots");
        k("create", "serviceaccount", "bot", "-n", "robots").ok();
        k("create", "rolebinding", "bot-view", "--clusterrole=view", "--serviceaccount=robots:bot", "-n", "robots").ok();
        String token = k("create", "token", "bot", "-n", "robots", "--duration=15m").ok().out().trim();
        assertEquals(3, token.split("\\.").length, "a JWT: " + token);
        String kubeconfig = Files.readString(cluster.kubeconfig()).replaceAll("client-certificate-data:.*", "token: " + token)
                .replaceAll("(?m)^\\s*client-key-data:.*$", "");
        Path file = Files.createTempFile("bot", ".kubeconfig");
        try {
            Files.writeString(file, kubeconfig);
            List<String> whoami = List.of("/usr/bin/kubectl", "--kubeconfig", file.toString(), "auth", "whoami");
            assertTrue(Cluster.Result.run(whoami, null, 60).ok().out().matches("(?s).*Username\\s+system:serviceaccount:robots:bot\n.*"));
            Cluster.Result list = Cluster.Result.run(List.of("/usr/bin/kubectl", "--kubeconfig", file.toString(), "get", "pods", "-n", "robots"), null, 60);
            assertEquals("No resources found in robots namespace.\n", list.err());
            k("delete", "serviceaccount", "bot", "-n", "robots").ok();
            Cluster.Result after = Cluster.Result.run(List.of("/usr/bin/kubectl", "--kubeconfig", file.toString(), "get", "pods", "-n", "robots"), null, 60);
            assertTrue(after.err().contains("error: You must be logged in to the server ("), "a deleted account's token is dead: " + after.err());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void olderTutorialManifests() throws Exception {
        namespace("legacy");
        Cluster.Result r = k("apply", "-n", "legacy", "--record", "-f", MANIFESTS.resolve("legacy-deployment.yaml").toString()).ok();
        assertTrue(r.out().contains("deployment.extensions/old-web created") || r.out().contains("deployment.apps/old-web created"), r.out());
        assertTrue(r.err().contains("extensions/v1beta1 Deployment is deprecated"), r.err());
        assertEquals("app=old-web", k("get", "deploy", "old-web", "-n", "legacy", "-o", "jsonpath={.spec.selector.matchLabels}")
                .ok().out().replaceAll("[{}\"]", "").replace(":", "="));
        assertEquals("apps/v1", k("get", "deployments.apps", "old-web", "-n", "legacy", "-o", "jsonpath={.apiVersion}").ok().out());
        assertEquals("replicationcontroller/myapp-rc created\n", k("apply", "-n", "legacy", "-f", MANIFESTS.resolve("rc.yaml").toString()).ok().out());
        assertTrue(k("get", "rc", "-n", "legacy").ok().out().contains("myapp-rc"));
    }
}
