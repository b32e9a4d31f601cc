package io.skiff.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.Json;
import io.skiff.store.KeyValue;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of generated malformed or hostile requests. Every answer must be a 4xx Kubernetes
 * Status with a reason, none a 5xx; the server stays up; the store is byte-for-byte unchanged.
 */
class BadInputTest {
    private static final String PODS = "/api/v1/namespaces/default/pods";
    private static final String SVCS = "/api/v1/namespaces/default/services";
    private static final String DEPLOYS = "/apis/apps/v1/namespaces/default/deployments";
    private static final String CMS = "/api/v1/namespaces/default/configmaps";

    private static final String POD = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"NAME\",\"labels\":{\"app\":\"LABEL\"}},"
            + "\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\",\"ports\":[{\"containerPort\":PORT}]}]}}";
    private static final String DEPLOY = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
            + "\"spec\":{\"replicas\":REPLICAS,\"selector\":{\"matchLabels\":{\"app\":\"SEL\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},"
            + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}}}";
    private static final String SVC = "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\"},"
            + "\"spec\":{\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":PORT}]}}";
    private static final String CM = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"existing\"},\"data\":{\"k\":\"v\"}}";

    record Bad(String what, String method, String path, String contentType, byte[] body) {
        static Bad of(String what, String method, String path, String contentType, String body) {
            return new Bad(what, method, path, contentType, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyBadRequestGetsA4xxStatusAndChangesNothing() throws Exception {
        try (TestApiServer api = TestApiServer.start()) {
            // a few objects to update, patch and delete badly
            assertEquals(201, api.send("POST", CMS, "application/json", CM).statusCode());
            assertEquals(201, api.send("POST", PODS, "application/json", pod("existing", "web", "80")).statusCode());
            String stored = api.send("GET", CMS + "/existing", null, null).body();
            List<Bad> requests = generate(stored);
            Map<String, String> before = snapshot(api);
            long revision = api.store.currentRevision();

            Map<Integer, Integer> byCode = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (Bad b : requests) {
                HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(api.url() + b.path()))
                        .method(b.method(), b.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(b.body()));
                if (b.contentType() != null) {
                    rb.header("Content-Type", b.contentType());
                }
                HttpResponse<String> r = api.http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
                byCode.merge(r.statusCode(), 1, Integer::sum);
                String problem = check(r);
                if (problem != null) {
                    failures.add(b.what() + " → " + r.statusCode() + ": " + problem + " " + abbreviate(r.body()));
                }
            }
            int fourxx = byCode.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500).mapToInt(Map.Entry::getValue).sum();
            int fivexx = byCode.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
            boolean unchanged = before.equals(snapshot(api)) && revision == api.store.currentRevision();
            System.out.printf("bad-input: %d requests tried, %d answered 4xx, %d answered 5xx, by code %s, store unchanged: %s%n",
                    requests.size(), fourxx, fivexx, byCode, unchanged ? "yes" : "NO");
            assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n" + String.join("\n", failures));
            assertTrue(requests.size() >= 500, "at least 500 requests: " + requests.size());
            assertEquals(200, api.send("GET", "/healthz", null, null).statusCode(), "the server is still up");
            assertTrue(unchanged, "the store is byte-for-byte what it was");
        }
    }

    /** null when the answer is a 4xx Kubernetes Status with a reason. */
    private static String check(HttpResponse<String> r) {
        if (r.statusCode() < 400 || r.statusCode() >= 500) {
            return "not a 4xx";
        }
        try {
            JsonNode s = Json.parse(r.body().getBytes());
            if (!"Status".equals(s.path("kind").asText()) || !"Failure".equals(s.path("status").asText())
                    || s.path("reason").asText().isEmpty() || s.path("code").asInt() != r.statusCode()) {
                return "not a Failure Status with reason and code";
            }
            return null;
        } catch (RuntimeException e) {
            return "body is not JSON";
        }
    }

    private static Map<String, String> snapshot(TestApiServer api) {
        Map<String, String> out = new LinkedHashMap<>();
        for (KeyValue kv : api.store.list("/", null, 0, 0).items()) {
            out.put(kv.key(), kv.modRevision() + ":" + Arrays.hashCode(kv.value()) + ":" + new String(kv.value()));
        }
        return out;
    }

    private static String pod(String name, String label, String port) {
        return POD.replace("NAME", name).replace("LABEL", label).replace("PORT", port);
    }

    private static List<Bad> generate(String storedConfigMap) {
        List<Bad> out = new ArrayList<>();
        String good = pod("fine", "web", "80");
        // truncated JSON, at every 3rd byte of a valid pod
        for (int cut = 1; cut < good.length() - 1; cut += 3) {
            out.add(Bad.of("truncated JSON at " + cut, "POST", PODS, "application/json", good.substring(0, cut)));
        }
        for (String[] doc : new String[][] {{DEPLOYS, DEPLOY.replace("REPLICAS", "1").replace("SEL", "web")}, {SVCS, SVC.replace("PORT", "80")}}) {
            for (int cut = 1; cut < doc[1].length() - 1; cut += 4) {
                out.add(Bad.of("truncated JSON at " + cut + " to " + doc[0], "POST", doc[0], "application/json", doc[1].substring(0, cut)));
            }
        }
        // fields of the wrong type
        String[][] wrongTypes = {
                {"\"metadata\":{\"name\":\"fine\"", "\"metadata\":\"fine\",\"x\":{\"name\":\"fine\""},
                {"\"spec\":{", "\"spec\":5,\"x\":{"},
                {"\"containers\":[", "\"containers\":{\"a\":"},
                {"\"name\":\"web\"", "\"name\":5"},
                {"\"image\":\"nginx\"", "\"image\":[\"nginx\"]"},
                {"\"labels\":{\"app\":\"web\"}", "\"labels\":[\"app\"]"},
                {"\"labels\":{\"app\":\"web\"}", "\"labels\":{\"app\":{\"nested\":1}}"},
                {"\"labels\":{\"app\":\"web\"}", "\"labels\":{\"app\":\"web\"},\"annotations\":\"x\""},
                {"\"ports\":[{\"containerPort\":80}]", "\"ports\":\"80\""},
                {"\"image\":\"nginx\"", "\"image\":\"nginx\",\"env\":{\"A\":\"b\"}"},
                {"\"image\":\"nginx\"", "\"image\":\"nginx\",\"command\":\"ls\""},
                {"\"image\":\"nginx\"", "\"image\":\"nginx\",\"args\":1"},
                {"\"image\":\"nginx\"", "\"image\":\"nginx\",\"resources\":[]"},
                {"\"image\":\"nginx\"", "\"image\":\"nginx\",\"env\":[{\"name\":\"1BAD=\",\"value\":\"x\"}]"},
                {"\"image\":\"nginx\"", "\"image\":\"nginx\",\"livenessProbe\":{\"periodSeconds\":-1}"},
                {"\"containers\":[", "\"terminationGracePeriodSeconds\":\"soon\",\"containers\":["},
                {"\"containers\":[", "\"nodeSelector\":[\"a\"],\"containers\":["},
                {"\"containers\":[", "\"tolerations\":[{\"operator\":\"Sometimes\"}],\"containers\":["},
                {"\"containers\":[", "\"volumes\":[{\"name\":\"v\"},{\"name\":\"v\"}],\"containers\":["},
                {"\"containers\":[", "\"hostNetwork\":\"yes\",\"containers\":["},
                {"\"containerPort\":80", "\"containerPort\":80,\"protocol\":\"ICMP\""},
                {"\"containerPort\":80", "\"containerPort\":80,\"hostPort\":-3"},
        };
        for (String[] w : wrongTypes) {
            out.add(Bad.of("wrong type " + abbreviate(w[1]), "POST", PODS, "application/json", good.replace(w[0], w[1])));
        }
        for (String type : List.of("Cluster", "nodeport", "ExternalName", "Headless")) {
            out.add(Bad.of("service type " + type, "POST", SVCS, "application/json", SVC.replace("PORT", "80").replace("\"spec\":{", "\"spec\":{\"type\":\"" + type + "\",")));
        }
        for (String ip : List.of("10.96.0.1", "1.2.3.4", "999.1.1.1", "not-an-ip", "10.96.0.0")) {
            out.add(Bad.of("cluster IP " + ip, "POST", SVCS, "application/json", SVC.replace("PORT", "80").replace("\"spec\":{", "\"spec\":{\"clusterIP\":\"" + ip + "\",")));
        }
        for (String np : List.of("80", "29999", "32768", "70000")) {
            out.add(Bad.of("node port " + np, "POST", SVCS, "application/json",
                    SVC.replace("PORT", "80,\"nodePort\":" + np).replace("\"spec\":{", "\"spec\":{\"type\":\"NodePort\",")));
        }
        // truncated and invalid YAML
        String yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: y\nspec:\n  containers:\n  - name: c\n    image: nginx\n";
        for (String broken : List.of("apiVersion: v1\nkind: Pod\nmetadata: [\n", "a: b: c:\n", "\t- tab\n:", "metadata:\n  name: [unclosed",
                "---\n- just\n- a list\n", "key: \"unterminated\n", "{{{{", "%YAML 9.9\n---\nx", "&a [*a]", "!!binary ~~~")) {
            out.add(Bad.of("invalid YAML " + broken.hashCode(), "POST", PODS, "application/yaml", broken));
        }
        for (int cut = 5; cut < yaml.length() - 1; cut += 11) {
            String piece = yaml.substring(0, cut);
            if (!piece.contains("image: nginx")) {
                out.add(Bad.of("truncated YAML at " + cut, "POST", PODS, "application/yaml", piece + "\n  - ]"));
            }
        }
        // not objects at all
        for (String notObject : List.of("[]", "\"pod\"", "42", "null", "true", "", " ", "[{\"kind\":\"Pod\"}]")) {
            out.add(Bad.of("not an object: " + notObject, "POST", PODS, "application/json", notObject));
        }
        // wrong kinds and apiVersions
        for (String[] kv : new String[][] {{"v1", "Service"}, {"v2", "Pod"}, {"apps/v1", "Pod"}, {"v1", "pod"}, {"", "Deployment"},
                {"v1", "ConfigMap"}, {"batch/v1", "Job"}, {"v1beta1", "Pod"}, {"v1", "PodList"}, {"meta.k8s.io/v1", "Status"}}) {
            out.add(Bad.of("kind " + kv[0] + "/" + kv[1] + " to pods", "POST", PODS, "application/json",
                    good.replace("\"apiVersion\":\"v1\",\"kind\":\"Pod\"", "\"apiVersion\":\"" + kv[0] + "\",\"kind\":\"" + kv[1] + "\"")));
        }
        // names
        for (String name : List.of("a/b", "..", ".", "UPPER", "x".repeat(300), "-lead", "trail-", "under_score", "sp ace", "ünïcode",
                "a..b", "%2F", "tab\\t", "new\\nline", "dot.", "a" + ".b".repeat(130), "😀", "null\\u0000byte")) {
            out.add(Bad.of("pod name " + abbreviate(name), "POST", PODS, "application/json", pod(name, "web", "80")));
            out.add(Bad.of("configmap name " + abbreviate(name), "POST", CMS, "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"}}"));
        }
        out.add(Bad.of("empty name", "POST", PODS, "application/json", pod("", "web", "80")));
        // invalid for every kind; then what only DNS labels (namespaces, services) or DNS-1035 (services) forbid
        List<String> everywhere = List.of("a/b", "..", "UPPER", "-lead", "under_score", "sp ace", "x".repeat(254));
        for (String name : everywhere) {
            out.add(Bad.of("deployment name " + abbreviate(name), "POST", DEPLOYS, "application/json",
                    DEPLOY.replace("REPLICAS", "1").replace("SEL", "web").replace("\"metadata\":{\"name\":\"web\"}", "\"metadata\":{\"name\":\"" + name + "\"}")));
        }
        List<String> labels = new ArrayList<>(everywhere);
        labels.addAll(List.of("x".repeat(64), "dot.ted"));
        for (String name : labels) {
            out.add(Bad.of("namespace name " + abbreviate(name), "POST", "/api/v1/namespaces", "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}"));
        }
        labels.add("1starts-with-digit");
        for (String name : labels) {
            out.add(Bad.of("service name " + abbreviate(name), "POST", SVCS, "application/json",
                    SVC.replace("PORT", "80").replace("\"name\":\"web\"", "\"name\":\"" + name + "\"")));
        }
        // label values with injection strings
        for (String label : List.of("'; DROP TABLE pods; --", "$(rm -rf /)", "<script>alert(1)</script>", "a\\nb", "x".repeat(64),
                "../../etc/passwd", "a b", "{{7*7}}", "-leading", "trailing-", "a=b", "a,b", "!important", "\\u0000")) {
            out.add(Bad.of("label " + abbreviate(label), "POST", PODS, "application/json", pod("labelled", label, "80")));
        }
        for (String label : List.of("'; DROP TABLE pods; --", "$(rm -rf /)", "<script>alert(1)</script>", "x".repeat(64),
                "../../etc/passwd", "a b", "{{7*7}}", "-leading", "trailing-", "a=b", "a,b", "!important")) {
            out.add(Bad.of("service selector " + abbreviate(label), "POST", SVCS, "application/json",
                    SVC.replace("PORT", "80").replace("\"app\":\"web\"", "\"app\":\"" + label.replace("\"", "") + "\"")));
            out.add(Bad.of("template label " + abbreviate(label), "POST", DEPLOYS, "application/json",
                    DEPLOY.replace("REPLICAS", "1").replace("\"labels\":{\"app\":\"web\"}", "\"labels\":{\"app\":\"" + label + "\"}").replace("SEL", label)));
        }
        for (String key : List.of("bad key", "/leading", "a/b/c", "-x", "a/", "UPPER_/x", "x".repeat(254) + "/y")) {
            out.add(Bad.of("annotation key " + abbreviate(key), "POST", CMS, "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"annotated\",\"annotations\":{\"" + key + "\":\"v\"}}}"));
        }
        for (String key : List.of("bad key", "/leading", "a/b/c", "..", ".", "ünï", "a:b")) {
            out.add(Bad.of("configmap data key " + abbreviate(key), "POST", CMS, "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"keyed\"},\"data\":{\"" + key + "\":\"v\"}}"));
        }
        String cmBody = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cut\",\"labels\":{\"a\":\"b\"}},\"data\":{\"k\":\"v\"}}";
        for (int cut = 1; cut < cmBody.length() - 1; cut += 2) {
            out.add(Bad.of("truncated configmap at " + cut, "POST", CMS, "application/json", cmBody.substring(0, cut)));
        }
        for (String key : List.of("bad key", "/leading", "a/b/c", "x".repeat(64), "UPPER.example.com/" + "y".repeat(70), "-x", "a/")) {
            out.add(Bad.of("label key " + abbreviate(key), "POST", PODS, "application/json",
                    POD.replace("NAME", "keyed").replace("\"app\":\"LABEL\"", "\"" + key + "\":\"v\"").replace("PORT", "80")));
        }
        // ports and replicas
        for (String port : List.of("-1", "0", "65536", "70000", "99999999999", "1.5", "\"http\"", "null", "true", "[80]", "{}", "1e3")) {
            out.add(Bad.of("container port " + port, "POST", PODS, "application/json", pod("ported", "web", port)));
            out.add(Bad.of("service port " + port, "POST", SVCS, "application/json", SVC.replace("PORT", port)));
        }
        for (String replicas : List.of("-1", "-2147483649", "2147483648", "\"abc\"", "1.5", "[]", "{}", "true")) {
            out.add(Bad.of("replicas " + replicas, "POST", DEPLOYS, "application/json", DEPLOY.replace("REPLICAS", replicas).replace("SEL", "web")));
        }
        // selectors that do not match templates, empty selectors
        for (String sel : List.of("other", "Web", "web2", "")) {
            out.add(Bad.of("selector " + sel, "POST", DEPLOYS, "application/json", DEPLOY.replace("REPLICAS", "1").replace("SEL", sel)));
        }
        out.add(Bad.of("no selector", "POST", DEPLOYS, "application/json",
                DEPLOY.replace("REPLICAS", "1").replace("\"selector\":{\"matchLabels\":{\"app\":\"SEL\"}},", "")));
        // pod specs
        out.add(Bad.of("duplicate container names", "POST", PODS, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"dup\"},\"spec\":{\"containers\":["
                        + "{\"name\":\"c\",\"image\":\"a\"},{\"name\":\"c\",\"image\":\"b\"}]}}"));
        out.add(Bad.of("no containers", "POST", PODS, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"none\"},\"spec\":{\"containers\":[]}}"));
        out.add(Bad.of("no image", "POST", PODS, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"noimg\"},\"spec\":{\"containers\":[{\"name\":\"c\"}]}}"));
        out.add(Bad.of("bad restartPolicy", "POST", PODS, "application/json", good.replace("\"containers\"", "\"restartPolicy\":\"Sometimes\",\"containers\"")));
        out.add(Bad.of("volume mount of a missing volume", "POST", PODS, "application/json",
                good.replace("\"image\":\"nginx\"", "\"image\":\"nginx\",\"volumeMounts\":[{\"name\":\"gone\",\"mountPath\":\"/x\"}]")));
        out.add(Bad.of("requests above limits", "POST", PODS, "application/json",
                good.replace("\"image\":\"nginx\"", "\"image\":\"nginx\",\"resources\":{\"requests\":{\"cpu\":\"2\"},\"limits\":{\"cpu\":\"1\"}}")));
        out.add(Bad.of("bad quantity", "POST", PODS, "application/json",
                good.replace("\"image\":\"nginx\"", "\"image\":\"nginx\",\"resources\":{\"limits\":{\"memory\":\"lots\"}}")));
        // unknown fields under Strict
        for (String field : List.of("\"spec\":{\"bogus\":1,", "\"metadata\":{\"nam\":\"x\",", "\"imagePullPolizy\":\"Always\",\"image\"")) {
            String body = good.replaceFirst(field.startsWith("\"spec\"") ? "\"spec\":\\{" : field.startsWith("\"metadata\"") ? "\"metadata\":\\{" : "\"image\"",
                    java.util.regex.Matcher.quoteReplacement(field));
            out.add(Bad.of("unknown field " + abbreviate(field), "POST", PODS + "?fieldValidation=Strict", "application/json", body));
        }
        // deeply nested objects and big bodies
        out.add(Bad.of("nested 1000 deep", "POST", CMS, "application/json", "{\"a\":".repeat(1000) + "1" + "}".repeat(1000)));
        out.add(Bad.of("nested arrays 5000 deep", "POST", CMS, "application/json", "[".repeat(5000) + "]".repeat(5000)));
        out.add(Bad.of("4 MiB body", "POST", CMS, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},\"data\":{\"x\":\"" + "a".repeat(4 << 20) + "\"}}"));
        out.add(Bad.of("configmap over 1 MiB", "POST", CMS, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},\"data\":{\"x\":\"" + "a".repeat(1100 * 1024) + "\"}}"));
        // wrong content types
        for (String ct : List.of("text/plain", "application/xml", "image/png", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/vnd.kubernetes.protobuf")) {
            out.add(Bad.of("content type " + ct, "POST", PODS, ct, good));
        }
        out.add(Bad.of("protobuf without magic", "POST", PODS, "application/vnd.kubernetes.protobuf", "k8s"));
        // patches that do not apply
        String cm = CMS + "/existing";
        for (String[] p : new String[][] {
                {"application/json-patch+json", "[{\"op\":\"replace\",\"path\":\"/spec/nothing\",\"value\":1}]"},
                {"application/json-patch+json", "[{\"op\":\"remove\",\"path\":\"/data/missing\"}]"},
                {"application/json-patch+json", "[{\"op\":\"test\",\"path\":\"/data/k\",\"value\":\"other\"}]"},
                {"application/json-patch+json", "[{\"op\":\"explode\",\"path\":\"/data\"}]"},
                {"application/json-patch+json", "{\"op\":\"add\"}"},
                {"application/json-patch+json", "[{\"op\":\"add\",\"path\":\"data/x\",\"value\":1}]"},
                {"application/json-patch+json", "[{\"op\":\"replace\",\"path\":\"/metadata/name\",\"value\":\"renamed\"}]"},
                {"application/json-patch+json", "[{\"op\":\"replace\",\"path\":\"/data\",\"value\":\"string\"}]"},
                {"application/json-patch+json", "not json"},
                {"application/merge-patch+json", "[1,2]"},
                {"application/merge-patch+json", "{\"data\":"},
                {"application/merge-patch+json", "{\"metadata\":{\"namespace\":\"elsewhere\"}}"},
                {"application/merge-patch+json", "{\"kind\":\"Pod\"}"},
                {"application/merge-patch+json", "{\"data\":{\"bad key!\":\"v\"}}"},
                {"application/strategic-merge-patch+json", "{\"data\":{\"$patch\":\"frob\"}}"},
                {"application/strategic-merge-patch+json", "{\"metadata\":{\"labels\":{\"bad label\":\"x\"}}}"},
                {"application/strategic-merge-patch+json", "{{"},
                {"application/apply-patch+yaml", "kind: Pod\napiVersion: v1\n"},
                {"application/apply-patch+yaml", "a: [\n"},
                {"text/plain", "{}"},
                {"application/json", "{}"}}) {
            out.add(Bad.of("patch " + p[0] + " " + abbreviate(p[1]), "PATCH", cm, p[0], p[1]));
        }
        out.add(Bad.of("patch of a missing object", "PATCH", CMS + "/missing", "application/merge-patch+json", "{\"data\":{}}"));
        out.add(Bad.of("pod spec change by patch", "PATCH", PODS + "/existing", "application/strategic-merge-patch+json",
                "{\"spec\":{\"restartPolicy\":\"Never\"}}"));
        // stale resourceVersions and wrong names on update
        JsonNode current = Json.parse(storedConfigMap.getBytes());
        String rv = current.path("metadata").path("resourceVersion").asText();
        for (String stale : List.of("1", "2", String.valueOf(Long.parseLong(rv) - 1), "999999999", "abc", "-5")) {
            out.add(Bad.of("stale or bad resourceVersion " + stale, "PUT", cm, "application/json",
                    storedConfigMap.replace("\"resourceVersion\":\"" + rv + "\"", "\"resourceVersion\":\"" + stale + "\"")
                            .replace("\"data\":{\"k\":\"v\"}", "\"data\":{\"k\":\"changed\"}")));
        }
        out.add(Bad.of("PUT with another name", "PUT", cm, "application/json", storedConfigMap.replace("\"name\":\"existing\"", "\"name\":\"other\"")));
        out.add(Bad.of("PUT with another namespace", "PUT", cm, "application/json", storedConfigMap.replace("\"namespace\":\"default\"", "\"namespace\":\"kube-system\"")));
        out.add(Bad.of("PUT of a missing object", "PUT", CMS + "/missing", "application/json", CM.replace("existing", "missing")));
        out.add(Bad.of("create an existing object", "POST", CMS, "application/json", CM));
        out.add(Bad.of("create with resourceVersion", "POST", CMS, "application/json", CM.replace("\"name\":\"existing\"", "\"name\":\"n\",\"resourceVersion\":\"7\"")));
        // bad query parameters
        for (String q : List.of("limit=abc", "resourceVersion=-5", "resourceVersion=abc&resourceVersionMatch=Exact", "labelSelector=a%20in%20(",
                "labelSelector=%3D%3D", "labelSelector=a%3Db%3Dc", "fieldSelector=spec.bogus%3Dx", "fieldSelector=%3D", "continue=garbage",
                "watch=true&resourceVersion=abc", "timeoutSeconds=abc&watch=true")) {
            out.add(Bad.of("list " + q, "GET", PODS + "?" + q, null, null));
        }
        for (String q : List.of("dryRun=Bad", "fieldValidation=Bad", "dryRun=")) {
            out.add(Bad.of("create " + q, "POST", CMS + "?" + q, "application/json", CM.replace("existing", "dry")));
        }
        out.add(Bad.of("delete with bad propagationPolicy", "DELETE", cm, "application/json", "{\"propagationPolicy\":\"Sideways\"}"));
        out.add(Bad.of("delete with wrong uid precondition", "DELETE", cm, "application/json", "{\"preconditions\":{\"uid\":\"nope\"}}"));
        out.add(Bad.of("delete with stale rv precondition", "DELETE", cm, "application/json", "{\"preconditions\":{\"resourceVersion\":\"1\"}}"));
        out.add(Bad.of("delete with a non-object body", "DELETE", cm, "application/json", "[1]"));
        out.add(Bad.of("delete of a missing object", "DELETE", CMS + "/missing", null, null));
        // paths and methods that do not exist
        for (String path : List.of("/api/v1/namespaces/default/widgets", "/apis/nope/v1/things", "/api/v2/pods", "/api/v1/namespaces/default/pods/x/y/z",
                "/api/v1/nodes/n/bogus", "/api/v1/namespaces/default/nodes/n", "/apis/apps/v1/deployments/x")) {
            out.add(Bad.of("path " + path, "GET", path, null, null));
        }
        out.add(Bad.of("POST to an object", "POST", cm, "application/json", CM));
        out.add(Bad.of("binding to a configmap", "POST", cm + "/binding", "application/json", "{}"));
        out.add(Bad.of("binding without target", "POST", PODS + "/existing/binding", "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"existing\"}}"));
        out.add(Bad.of("scale with a string", "PATCH", "/apis/apps/v1/namespaces/default/deployments/none/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":\"x\"}}"));
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
