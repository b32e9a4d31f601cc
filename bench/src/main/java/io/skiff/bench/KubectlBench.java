package io.skiff.bench;

import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.store.Stores;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code get pods} latency, process start included, of {@code bin/kubectl} (our JVM kubectl with
 * its AppCDS archive) and of {@code /usr/bin/kubectl}, against one in-process API server holding
 * ten pods. Each command runs once to warm the discovery cache and the CDS archive, then
 * {@code runs} times in turn. Figures are printed, never asserted.
 *
 * <p>Usage: {@code java -cp ... io.skiff.bench.KubectlBench [runs] [repository root]}
 */
public final class KubectlBench {
    private KubectlBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath();
        Path dir = Files.createTempDirectory("kubectl-bench");
        System.out.printf("machine: %d cores, Java %s, load average %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        try (ApiServer server = new ApiServer(ApiServerConfig.defaults().withPort(0), Stores.open("sqlite", dir.resolve("data"))).start()) {
            String url = "http://127.0.0.1:" + server.port();
            seed(url);
            Path kubeconfig = dir.resolve("kubeconfig");
            Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: b\n  cluster:\n    server: " + url
                    + "\ncontexts:\n- name: b\n  context: {cluster: b, user: b}\ncurrent-context: b\nusers:\n- name: b\n  user: {}\n");
            List<List<String>> commands = List.of(
                    List.of(root.resolve("bin/kubectl").toString(), "get", "pods"),
                    List.of("/usr/bin/kubectl", "get", "pods"),
                    List.of(root.resolve("bin/kubectl").toString(), "version", "--client"));
            long[][] samples = new long[commands.size()][runs];
            for (List<String> c : commands) {
                run(c, kubeconfig, dir); // warm-up: discovery cache, CDS archive
            }
            for (int i = 0; i < runs; i++) {
                for (int c = 0; c < commands.size(); c++) {
                    samples[c][i] = run(commands.get(c), kubeconfig, dir);
                }
            }
            System.out.printf("%-40s %8s %8s %8s %8s%n", "command (" + runs + " runs)", "min ms", "p50 ms", "p90 ms", "max ms");
            for (int c = 0; c < commands.size(); c++) {
                Percentiles p = new Percentiles(samples[c], runs);
                String name = commands.get(c).get(0).endsWith("bin/kubectl") && !commands.get(c).get(0).startsWith("/usr")
                        ? "bin/kubectl " + String.join(" ", commands.get(c).subList(1, commands.get(c).size()))
                        : String.join(" ", commands.get(c));
                System.out.printf("%-40s %8.0f %8.0f %8.0f %8.0f%n", name, p.ms(0), p.ms(0.5), p.ms(0.9), p.ms(1));
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long run(List<String> command, Path kubeconfig, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("SKIFF_NO_BUILD", "1");
        long start = System.nanoTime();
        int code = pb.start().waitFor();
        long elapsed = System.nanoTime() - start;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + code);
        }
        return elapsed;
    }

    private static void seed(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 10; i++) {
            String pod = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p" + i + "\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/namespaces/default/pods"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(pod)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("seeding failed: " + r.body());
            }
        }
    }
}
