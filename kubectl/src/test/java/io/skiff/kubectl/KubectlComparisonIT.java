package io.skiff.kubectl;

import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One API server in-process, one script of commands run by the real {@code /usr/bin/kubectl}
 * (in namespace {@code cmp-real}) and by ours (in-process, in {@code cmp-ours}); stdout,
 * stderr and exit codes must match after {@link Masks}. Differences listed in the "Known
 * differences" table of {@code docs/kubectl.md} are reported, not failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlComparisonIT {
    private static final Path ROOT = root();
    private static final String REAL = "cmp-real";
    private static final String OURS = "cmp-ours";
    private Path dir;
    private Path kubeconfig;
    private ApiServer server;

    /** One command; {@code {ns}} becomes each side's namespace, {@code {pod}} the test manifest. */
    private record Step(String stdin, String... args) {
        String display() {
            return "kubectl " + String.join(" ", args);
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Step k(String... args) {
        return new Step(null, args);
    }

    private static Step in(String stdin, String... args) {
        return new Step(stdin, args);
    }

    private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels:\n    app: v1\n"
            + "spec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n";
    private static final String POD2 = POD.replace("app: v1", "app: v1\n    tier: web").replace("nginx:1.27", "nginx:1.28");
    private static final String DEPLOY = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  labels:\n    app: app\nspec:\n"
            + "  replicas: 2\n  selector:\n    matchLabels:\n      app: app\n  template:\n    metadata:\n      labels:\n        app: app\n"
            + "    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n        env:\n        - name: A\n          value: b\n";

    private static final List<Step> SCRIPT = List.of(
            k("create", "namespace", "{ns}"),
            k("create", "namespace", "{ns}"),
            in(POD, "apply", "-n", "{ns}", "-f", "-"),
            in(POD, "apply", "-n", "{ns}", "-f", "-"),
            in(POD2, "apply", "-n", "{ns}", "-f", "-"),
            in(POD, "apply", "-n", "{ns}", "-f", "-"),
            in(DEPLOY, "apply", "-n", "{ns}", "-f", "-"),
            in(DEPLOY.replace("replicas: 2", "replicas: 3").replace("        env:\n        - name: A\n          value: b\n", ""), "apply", "-n", "{ns}", "-f", "-"),
            k("get", "pods", "-n", "{ns}"),
            k("get", "pods", "-n", "{ns}", "-o", "wide"),
            k("get", "pod", "nginx", "-n", "{ns}", "-o", "yaml"),
            k("get", "pods", "-n", "{ns}", "-o", "json"),
            k("get", "pods", "-n", "{ns}", "-o", "yaml"),
            k("get", "pods", "-n", "{ns}", "-o", "name"),
            k("get", "pods", "-n", "{ns}", "--show-labels"),
            k("get", "pods", "-n", "{ns}", "-L", "app,tier"),
            k("get", "pods", "-n", "{ns}", "-l", "app=v1", "-o", "jsonpath={.items[*].metadata.name}"),
            k("get", "pod", "nginx", "-n", "{ns}", "-o", "jsonpath={.spec.containers[0].image} {.metadata.labels}"),
            k("get", "pods", "-n", "{ns}", "-o", "jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.spec.containers[*].name}{\"\\n\"}{end}"),
            k("get", "pods", "-n", "{ns}", "-o", "go-template={{range .items}}{{.metadata.name}} {{.spec.nodeName}}{{\"\\n\"}}{{end}}"),
            k("get", "pods", "-n", "{ns}", "-o", "custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName"),
            k("get", "pods", "-n", "{ns}", "--sort-by=.metadata.name"),
            k("get", "pods", "-n", "{ns}", "--field-selector", "metadata.name=nginx", "-o", "name"),
            k("get", "pods", "-n", "{ns}", "-l", "app in (v1,v2)", "--no-headers"),
            k("get", "pod", "nope", "-n", "{ns}"),
            k("get", "pods", "-n", "{ns}-empty"),
            k("get", "deploy", "app", "-n", "{ns}", "-o", "yaml"),
            k("create", "deployment", "web", "-n", "{ns}", "--image=nginx"),
            k("create", "deployment", "web", "-n", "{ns}", "--image=nginx"),
            k("run", "x", "-n", "{ns}", "--image=busybox", "--port=8080"),
            k("expose", "deployment", "web", "-n", "{ns}", "--port", "80", "--type=NodePort"),
            k("expose", "pod", "x", "-n", "{ns}", "--name=xs"),
            k("scale", "deployment", "web", "-n", "{ns}", "--replicas=3"),
            k("label", "pod", "x", "-n", "{ns}", "app=v1"),
            k("label", "pod", "x", "-n", "{ns}", "app=v2"),
            k("label", "pod", "x", "-n", "{ns}", "app=v2", "--overwrite"),
            k("label", "pod", "x", "-n", "{ns}", "app-"),
            k("annotate", "pod", "x", "-n", "{ns}", "note=hello"),
            k("create", "service", "nodeport", "registry", "-n", "{ns}", "--tcp=5000:5000"),
            k("create", "service", "clusterip", "cip", "-n", "{ns}", "--tcp=80:8080"),
            k("create", "configmap", "cfg", "-n", "{ns}", "--from-literal=a=b", "--from-literal=c=d"),
            k("create", "secret", "generic", "sec", "-n", "{ns}", "--from-literal=a=b"),
            k("patch", "svc", "registry", "-n", "{ns}", "--type=json", "-p", "[{\"op\":\"add\",\"path\":\"/metadata/labels/x\",\"value\":\"y\"}]"),
            k("patch", "svc", "registry", "-n", "{ns}", "--type=merge", "-p", "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}"),
            k("patch", "svc", "registry", "-n", "{ns}", "--type=merge", "-p", "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}"),
            k("patch", "deployment", "web", "-n", "{ns}", "-p", "{\"spec\":{\"replicas\":2}}"),
            k("set", "image", "deployment/web", "-n", "{ns}", "nginx=nginx:2"),
            k("set", "image", "deployment/web", "-n", "{ns}", "zzz=nginx:2"),
            k("get", "all", "-n", "{ns}"),
            k("get", "svc,cm", "-n", "{ns}"),
            k("get", "pod/nginx", "svc/nope", "-n", "{ns}"),
            k("get", "pod/nginx", "pod/x", "-n", "{ns}", "-o", "wide"),
            k("get", "svc", "registry", "-n", "{ns}", "-o", "json"),
            k("get", "cm", "cfg", "-n", "{ns}", "-o", "yaml"),
            k("get", "secret", "sec", "-n", "{ns}", "-o", "jsonpath={.data.a}"),
            k("describe", "pod", "nginx", "-n", "{ns}"),
            k("describe", "pod", "x", "-n", "{ns}"),
            k("describe", "svc", "registry", "-n", "{ns}"),
            k("describe", "deploy", "web", "-n", "{ns}"),
            k("describe", "deploy", "app", "-n", "{ns}"),
            k("describe", "pods", "ngi", "-n", "{ns}"),
            k("describe", "pod", "nope", "-n", "{ns}"),
            k("rollout", "history", "deployment/web", "-n", "{ns}"),
            k("delete", "pod", "x", "-n", "{ns}"),
            k("delete", "svc", "-l", "app=registry", "-n", "{ns}"),
            k("delete", "cm", "--all", "-n", "{ns}"),
            in(POD, "delete", "-n", "{ns}", "-f", "-"),
            k("delete", "deploy", "web", "-n", "{ns}", "--force", "--grace-period=0"),
            k("delete", "pod", "nope", "-n", "{ns}"),
            k("get", "pods", "-n", "{ns}"),
            k("api-resources"),
            k("api-resources", "--namespaced=false"),
            k("explain", "pod"),
            k("explain", "pod.spec.containers.ports"),
            k("explain", "deployment.spec.strategy"),
            k("cluster-info"),
            k("config", "view"),
            k("config", "get-contexts"),
            k("auth", "can-i", "get", "pods"),
            k("top", "pods"),
            k("get", "ns", "kube-system", "default"),
            k("get"),
            k("get", "foo"),
            k("get", "pods", "--bogus"),
            k("get", "pods", "-n"),
            k("describe"),
            k("delete"),
            k("logs"),
            k("explain", "foo"),
            k("explain", "pod.spec.nope"),
            k("api-resources", "-o", "wide"),
            k("scale", "deploy", "nope", "--replicas=1", "-n", "{ns}"),
            k("version"));

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("kubectl-cmp");
        server = new ApiServer(ApiServerConfig.defaults().withPort(0), Stores.open("sqlite", dir.resolve("data"))).start();
        kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: cmp\n  cluster:\n    server: http://127.0.0.1:"
                + server.port() + "\ncontexts:\n- name: cmp\n  context:\n    cluster: cmp\n    user: cmp\ncurrent-context: cmp\n"
                + "users:\n- name: cmp\n  user: {}\n");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theScriptPrintsWhatTheRealKubectlPrints() throws Exception {
        String known = Files.readString(ROOT.resolve("docs/kubectl.md"));
        List<String> failures = new ArrayList<>();
        int same = 0;
        for (Step step : SCRIPT) {
            Result real = real(step);
            Result ours = ours(step);
            if (equivalent(real, ours)) {
                same++;
                continue;
            }
            String report = step.display() + "\n--- real (exit " + real.code() + ")\n" + real.out() + real.err()
                    + "--- ours (exit " + ours.code() + ")\n" + ours.out() + ours.err();
            if (known.contains("`" + step.display() + "`")) {
                System.out.println("known difference (docs/kubectl.md): " + report);
            } else {
                failures.add(report);
            }
        }
        System.out.println(same + " of " + SCRIPT.size() + " commands printed the same");
        assertTrue(failures.isEmpty(), failures.size() + " commands differ:\n\n" + String.join("\n\n", failures));
    }

    /** {@code get pods -w}: rows as events arrive, lined up with what was printed before. */
    @Test
    void watchPrintsTheSameRows() throws Exception {
        for (String ns : List.of("w-real", "w-ours")) {
            real(k("create", "namespace", ns));
        }
        List<String> realCmd = List.of("/usr/bin/kubectl", "--kubeconfig", kubeconfig.toString(), "--cache-dir",
                dir.resolve("cache-real").toString(), "get", "pods", "-n", "w-real", "-w");
        ProcessBuilder pb = new ProcessBuilder(realCmd).redirectErrorStream(true).redirectOutput(dir.resolve("watch-real.txt").toFile());
        pb.environment().put("HOME", dir.toString());
        Process realWatch = pb.start();
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        PrintStream oursOut = new PrintStream(ours, true, StandardCharsets.UTF_8);
        Thread oursWatch = new Thread(() -> Main.run(new String[]{"--kubeconfig", kubeconfig.toString(), "--cache-dir",
                dir.resolve("cache-ours").toString(), "get", "pods", "-n", "w-ours", "-w"}, oursOut, oursOut,
                new ByteArrayInputStream(new byte[0]), Map.of("HOME", dir.toString())), "watch");
        oursWatch.setDaemon(true); // it ends when the server closes the stream
        oursWatch.start();
        try {
            Thread.sleep(2_000);
            for (Step step : List.of(k("run", "a", "-n", "{ns}", "--image=x"), k("label", "pod", "a", "-n", "{ns}", "x=y"),
                    k("run", "longer-name-pod", "-n", "{ns}", "--image=x"), k("delete", "pod", "a", "-n", "{ns}", "--wait=false"))) {
                for (String ns : List.of("w-real", "w-ours")) {
                    List<String> args = new ArrayList<>();
                    for (String a : step.args()) {
                        args.add(a.replace("{ns}", ns));
                    }
                    real(new Step(null, args.toArray(new String[0])));
                }
            }
            Thread.sleep(2_000);
        } finally {
            realWatch.destroy();
            realWatch.waitFor(5, TimeUnit.SECONDS);
        }
        String expected = Files.readString(dir.resolve("watch-real.txt")).replaceAll("\\d+s\n", "#s\n");
        String actual = ours.toString(StandardCharsets.UTF_8).replaceAll("\\d+s\n", "#s\n");
        assertEquals(expected, actual);
        assertEquals(5, actual.lines().count(), "header and four events: " + actual);
    }

    private static boolean equivalent(Result real, Result ours) {
        if (real.code() != ours.code()) {
            return false;
        }
        for (String[] pair : new String[][]{{real.out(), ours.out()}, {real.err(), ours.err()}}) {
            Masks a = new Masks(pair[0], List.of(REAL, OURS));
            Masks b = new Masks(pair[1], List.of(REAL, OURS));
            boolean same = a.masked.equals(b.masked) || !a.sameWidths(b) && a.collapsed().equals(b.collapsed());
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private Result real(Step step) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/kubectl", "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", dir.resolve("cache-real").toString()));
        for (String a : step.args()) {
            cmd.add(a.replace("{ns}", REAL));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HOME", dir.toString());
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (step.stdin() != null) {
            p.getOutputStream().write(step.stdin().getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Result ours(Step step) {
        List<String> args = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString(), "--cache-dir", dir.resolve("cache-ours").toString()));
        for (String a : step.args()) {
            args.add(a.replace("{ns}", OURS));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] stdin = step.stdin() == null ? new byte[0] : step.stdin().getBytes(StandardCharsets.UTF_8);
        int code = Main.run(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(stdin), Map.of("HOME", dir.toString()));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("bin/kubectl"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (bin/kubectl)");
        }
        return p;
    }
}
