package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceTypes;
import io.skiff.apiserver.openapi.Kubectl.Result;
import io.skiff.apiserver.openapi.KubectlServer.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real kubectl 1.32 reading Skiff's OpenAPI documents: explain, client-side validation, apply patches. */
class KubectlOpenApiTest {
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: nginx
            spec:
              containers:
              - name: nginx
                image: %s
                ports:
                - containerPort: 80
                  name: http
                resources:
                  limits: {cpu: 1, memory: 128Mi}
              - name: sidecar
                image: busybox
                command: [sleep, "3600"]
            """;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              strategy:
                rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx
            """;

    @TempDir
    Path home;
    private KubectlServer server;
    private Kubectl kubectl;

    @BeforeEach
    void start() throws Exception {
        assertTrue(Kubectl.BINARY.toFile().canExecute(), "the end-to-end tests need the real kubectl at " + Kubectl.BINARY);
        server = new KubectlServer(List.of(ResourceTypes.PODS, ResourceTypes.DEPLOYMENTS));
        kubectl = new Kubectl(home, server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void explainPodSpecShowsTheFieldsWithTheirTypesAndDescriptions() throws Exception {
        Result result = kubectl.run("explain", "pod.spec");

        assertEquals(0, result.exitCode(), result::toString);
        String out = result.stdout();
        assertTrue(out.contains("KIND:       Pod\nVERSION:    v1\n"), out);
        assertTrue(out.contains("FIELD: spec <PodSpec>"), out);
        assertTrue(out.contains("    PodSpec is a description of a pod."), out);
        assertTrue(out.contains("  containers\t<[]Container> -required-\n    List of containers belonging to the pod."), out);
        assertTrue(out.contains("  restartPolicy\t<string>\n"), out);
        assertTrue(out.contains("  nodeSelector\t<map[string]string>\n"), out);
        assertTrue(out.contains("  overhead\t<map[string]Quantity>\n"), out);
        assertTrue(out.contains("  activeDeadlineSeconds\t<integer>\n"), out);
        assertTrue(fetched("/openapi/v3/api/v1"), "explain read the core document");
    }

    @Test
    void explainDeploymentStrategyShowsItsFields() throws Exception {
        Result result = kubectl.run("explain", "deployment.spec.strategy");

        assertEquals(0, result.exitCode(), result::toString);
        String out = result.stdout();
        assertTrue(out.contains("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n"), out);
        assertTrue(out.contains("FIELD: strategy <DeploymentStrategy>"), out);
        assertTrue(out.contains("DeploymentStrategy describes how to replace existing pods with new ones."), out);
        assertTrue(out.contains("  rollingUpdate\t<RollingUpdateDeployment>\n"), out);
        assertTrue(out.contains("  type\t<string>\n    Type of deployment. Can be \"Recreate\" or \"RollingUpdate\"."), out);
        assertTrue(fetched("/openapi/v3/apis/apps/v1"), "explain read the apps document");
    }

    @Test
    void explainRecursiveWalksIntoReferencedTypes() throws Exception {
        Result result = kubectl.run("explain", "deployment.spec.strategy", "--recursive");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().contains("""
                FIELDS:
                  rollingUpdate\t<RollingUpdateDeployment>
                    maxSurge\t<IntOrString>
                    maxUnavailable\t<IntOrString>
                  type\t<string>
                """), result.stdout());
    }

    @Test
    void clientSideValidationRejectsAnUnknownField() throws Exception {
        Path manifest = kubectl.file("typo.yaml", POD.formatted("nginx").replace("    ports:\n", "    bogusField: 1\n    ports:\n"));

        Result result = kubectl.run("apply", "--dry-run=client", "--validate=strict", "-f", manifest.toString());

        assertNotEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("error validating data: ValidationError(Pod.spec.containers[0]): "
                + "unknown field \"bogusField\" in io.k8s.api.core.v1.Container"), result::toString);
        assertTrue(fetchedV2AsProtobuf(), "validation used the v2 protobuf document");
        assertFalse(server.requests().stream().anyMatch(r -> r.method().equals("POST")), "nothing was sent");
    }

    @Test
    void clientSideValidationPassesValidObjectsWithQuantitiesAndIntOrStrings() throws Exception {
        Path manifest = kubectl.file("app.yaml", POD.formatted("nginx") + "---\n" + DEPLOYMENT);

        Result result = kubectl.run("apply", "--dry-run=client", "--validate=strict", "-f", manifest.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("pod/nginx created (dry run)\ndeployment.apps/web created (dry run)\n", result.stdout());
        assertEquals("", result.stderr());
        assertTrue(fetchedV2AsProtobuf(), "the pod went through client-side validation");
    }

    @Test
    void applyToAnExistingPodPatchesOnlyTheChangedContainerByItsMergeKey() throws Exception {
        JsonNode applied = Json.YAML.readTree(POD.formatted("nginx:1.27"));
        ObjectNode live = applied.deepCopy();
        ((ObjectNode) live.get("metadata")).put("namespace", "default").putObject("annotations")
                .put("kubectl.kubernetes.io/last-applied-configuration", Json.string(applied));
        server.store("/api/v1/namespaces/default/pods/nginx", live);
        Path manifest = kubectl.file("pod.yaml", POD.formatted("nginx:1.28"));

        Result result = kubectl.run("apply", "--validate=false", "-f", manifest.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("pod/nginx configured\n", result.stdout());
        assertEquals("", result.stderr(), "no warning about missing patch metadata");
        Request patch = server.requests().stream().filter(r -> r.method().equals("PATCH")).findFirst().orElseThrow();
        assertEquals("application/strategic-merge-patch+json", patch.contentType());
        JsonNode body = Json.parse(patch.body().getBytes());
        assertEquals(Json.parse("[{\"name\":\"nginx\"},{\"name\":\"sidecar\"}]".getBytes()),
                body.at("/spec/$setElementOrder~1containers"));
        assertEquals(Json.parse("[{\"image\":\"nginx:1.28\",\"name\":\"nginx\"}]".getBytes()), body.at("/spec/containers"));
        assertFalse(server.requests().stream().anyMatch(r -> r.path().equals("/openapi/v2")),
                "the patch came from the v3 merge keys, without falling back to v2");
    }

    private boolean fetched(String path) {
        return server.requests().stream().anyMatch(r -> r.path().equals(path) && r.query().contains("hash="));
    }

    private boolean fetchedV2AsProtobuf() {
        return server.requests().stream().anyMatch(r -> r.path().equals("/openapi/v2")
                && String.valueOf(r.accept()).contains(OpenApiRoutes.PROTOBUF_ACCEPT));
    }
}
