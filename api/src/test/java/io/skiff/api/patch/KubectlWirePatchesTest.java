package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import static io.skiff.api.patch.Trees.assertJson;
import static io.skiff.api.patch.Trees.bytes;
import static io.skiff.api.patch.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The PATCH requests the real kubectl 1.32 sent (shared/kubectl-wire/requests.jsonl), applied
 * to the objects it had just read, through the same entry point the API server uses.
 */
class KubectlWirePatchesTest {
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /** GET /api/v1/namespaces/default/pods/nginx before B03 (trimmed of status noise). */
    private static final String POD_NGINX_127 = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":
              "{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Pod\\",\\"metadata\\":{\\"annotations\\":{},\\"labels\\":{\\"app\\":\\"v1\\"},\\"name\\":\\"nginx\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"containers\\":[{\\"image\\":\\"nginx:1.27\\",\\"name\\":\\"nginx\\",\\"ports\\":[{\\"containerPort\\":80}]}]}}\\n"},
             "labels":{"app":"v1"},"name":"nginx","namespace":"default","uid":"2c2a9e62-65b8-4cee-b6e0-fc8456a53fe4",
             "creationTimestamp":"2026-11-24T10:21:49Z","resourceVersion":"1010",
             "managedFields":[{"manager":"kubectl-client-side-apply","operation":"Update","apiVersion":"v1","time":"2026-11-24T10:21:49Z","fieldsType":"FieldsV1","fieldsV1":{}}]},
             "spec":{"containers":[{"image":"nginx:1.27","name":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}],
                     "imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],
                     "nodeName":"node1","restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler"},
             "status":{"phase":"Running","podIP":"10.244.0.13","podIPs":[{"ip":"10.244.0.13"}],"qosClass":"BestEffort",
                       "conditions":[{"type":"Ready","status":"True","lastProbeTime":null,"lastTransitionTime":"2026-11-24T10:21:49Z"}]}}""";

    /** GET /apis/apps/v1/namespaces/default/deployments/web before F02. */
    private static final String DEPLOYMENT_WEB = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},
              "uid":"c6f20dd6-9927-4e21-868d-2157aaab6997","creationTimestamp":"2026-11-24T10:22:07Z","namespace":"default",
              "generation":3,"resourceVersion":"1098","annotations":{"deployment.kubernetes.io/revision":"1"}},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},
                     "strategy":{},"revisionHistoryLimit":10,"progressDeadlineSeconds":600},
             "status":{"observedGeneration":3,"replicas":2,"updatedReplicas":2,"readyReplicas":2,"availableReplicas":2,
                       "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"}]}}""";

    /** GET /api/v1/namespaces/default/services/registry before E07. */
    private static final String SERVICE_REGISTRY = """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"registry","labels":{"app":"registry"},
              "uid":"45cd9631-17b7-4766-aa9b-4d58e7093d98","namespace":"default","resourceVersion":"1088"},
             "spec":{"ports":[{"name":"5000-5000","protocol":"TCP","port":5000,"targetPort":5000,"nodePort":31006}],
                     "selector":{"app":"registry"},"type":"NodePort","clusterIP":"10.96.0.23","clusterIPs":["10.96.0.23"],
                     "sessionAffinity":"None","ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack",
                     "internalTrafficPolicy":"Cluster","externalTrafficPolicy":"Cluster"},
             "status":{"loadBalancer":{}}}""";

    @Test
    void applyChangesTheImageAndAddsALabel() {
        // B03: kubectl apply -f pod2.yaml
        String body = """
                {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Pod\\",\\"metadata\\":{\\"annotations\\":{},\\"labels\\":{\\"app\\":\\"v1\\",\\"tier\\":\\"web\\"},\\"name\\":\\"nginx\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"containers\\":[{\\"image\\":\\"nginx:1.28\\",\\"name\\":\\"nginx\\",\\"ports\\":[{\\"containerPort\\":80}]}]}}\\n"},"labels":{"tier":"web"}},"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.28","name":"nginx"}]}}""";
        JsonNode current = json(POD_NGINX_127);
        JsonNode r = Patches.apply("application/strategic-merge-patch+json", current, bytes(body), ResourceTypes.PODS);

        assertJson("{\"app\":\"v1\",\"tier\":\"web\"}", r.at("/metadata/labels"));
        assertJson("""
                [{"image":"nginx:1.28","name":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}],
                  "imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log",
                  "terminationMessagePolicy":"File","resources":{}}]""", r.at("/spec/containers"));
        assertEquals(json(body).at("/metadata/annotations"), r.at("/metadata/annotations"));
        assertFalse(r.get("spec").has("$setElementOrder/containers"));
        // Everything the patch does not mention is as it was.
        assertEquals(current.get("status"), r.get("status"));
        assertEquals(current.at("/metadata/uid"), r.at("/metadata/uid"));
        assertEquals(json(POD_NGINX_127), current);
    }

    @Test
    void applyRemovesALabelWithNull() {
        // B05: back to pod.yaml, which has no tier label: kubectl sends "tier": null.
        JsonNode current = Patches.apply("application/strategic-merge-patch+json", json(POD_NGINX_127),
                bytes("{\"metadata\":{\"labels\":{\"tier\":\"web\"}},\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"image\":\"nginx:1.28\",\"name\":\"nginx\"}]}}"),
                ResourceTypes.PODS);
        JsonNode r = Patches.apply("application/strategic-merge-patch+json", current, bytes("""
                {"metadata":{"labels":{"tier":null}},"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.27","name":"nginx"}]}}"""),
                ResourceTypes.PODS);
        assertJson("{\"app\":\"v1\"}", r.at("/metadata/labels"));
        assertEquals("nginx:1.27", r.at("/spec/containers/0/image").asText());
    }

    @Test
    void setImageReplacesOneContainersImage() {
        // F02: kubectl set image deployment/web nginx=nginx:2
        JsonNode r = Patches.apply("application/strategic-merge-patch+json", json(DEPLOYMENT_WEB), bytes("""
                {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:2","name":"nginx"}]}}}}"""),
                ResourceTypes.DEPLOYMENTS);
        assertJson("[{\"name\":\"nginx\",\"image\":\"nginx:2\",\"resources\":{}}]", r.at("/spec/template/spec/containers"));
        assertEquals(2, r.at("/spec/replicas").asInt());
    }

    @Test
    void defaultPatchAndApplyOfReplicas() {
        // E08: kubectl patch deployment web -p {"spec":{"replicas":2}}; B12: apply of deploy3.yaml
        JsonNode r = Patches.apply("application/strategic-merge-patch+json", json(DEPLOYMENT_WEB),
                bytes("{\"spec\":{\"replicas\":3}}"), ResourceTypes.DEPLOYMENTS);
        assertEquals(3, r.at("/spec/replicas").asInt());
        assertEquals(json(DEPLOYMENT_WEB).get("status"), r.get("status"));
    }

    @Test
    void scaleSendsAMergePatchToTheScaleSubresource() {
        // E04: kubectl scale deployment web --replicas=3
        JsonNode scale = json("""
                {"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web","namespace":"default","resourceVersion":"1083"},
                 "spec":{"replicas":1},"status":{"replicas":1,"selector":"app=web"}}""");
        JsonNode r = Patches.apply("application/merge-patch+json", scale, bytes("{\"spec\":{\"replicas\":3}}"), PatchTarget.SCALE);
        assertEquals(3, r.at("/spec/replicas").asInt());
        assertEquals("app=web", r.at("/status/selector").asText());
    }

    @Test
    void labelAddsAndLabelMinusRemoves() {
        // E05: kubectl label pod x app=v1; then kubectl label pod x app- sends the same with null.
        JsonNode pod = json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\",\"labels\":{\"run\":\"x\"}},\"spec\":{\"containers\":[{\"name\":\"x\",\"image\":\"y\"}]}}");
        JsonNode labelled = Patches.apply("application/merge-patch+json", pod, bytes("{\"metadata\":{\"labels\":{\"app\":\"v1\"}}}"), ResourceTypes.PODS);
        assertJson("{\"run\":\"x\",\"app\":\"v1\"}", labelled.at("/metadata/labels"));
        JsonNode removed = Patches.apply("application/merge-patch+json", labelled, bytes("{\"metadata\":{\"labels\":{\"app\":null}}}"), ResourceTypes.PODS);
        assertJson("{\"run\":\"x\"}", removed.at("/metadata/labels"));
    }

    @Test
    void jsonPatchReplacesTheNodePort() {
        // E07: kubectl patch service registry --type=json -p [{"op":"replace","path":"/spec/ports/0/nodePort","value":30500}]
        JsonNode r = Patches.apply("application/json-patch+json", json(SERVICE_REGISTRY),
                bytes("[{\"op\":\"replace\",\"path\":\"/spec/ports/0/nodePort\",\"value\":30500}]"), ResourceTypes.SERVICES);
        assertEquals(30500, r.at("/spec/ports/0/nodePort").asInt());
        assertEquals(5000, r.at("/spec/ports/0/port").asInt());
    }

    @Test
    void mergePatchAddsAServiceLabel() {
        // E09: kubectl patch svc registry --type=merge -p {"metadata":{"labels":{"a":"b"}}}
        JsonNode r = Patches.apply("application/merge-patch+json", json(SERVICE_REGISTRY),
                bytes("{\"metadata\":{\"labels\":{\"a\":\"b\"}}}"), ResourceTypes.SERVICES);
        assertJson("{\"app\":\"registry\",\"a\":\"b\"}", r.at("/metadata/labels"));
    }

    @Test
    void rolloutUndoReplacesTheTemplateAndAnnotations() {
        // F04: kubectl rollout undo deployment web (current template has nginx:2)
        JsonNode current = Patches.apply("application/strategic-merge-patch+json", json(DEPLOYMENT_WEB), bytes("""
                {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:2","name":"nginx"}]}}}}"""),
                ResourceTypes.DEPLOYMENTS);
        JsonNode r = Patches.apply("application/json-patch+json", current, bytes("""
                [{"op":"replace","path":"/spec/template","value":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}}},{"op":"replace","path":"/metadata/annotations","value":{"deployment.kubernetes.io/revision":"2"}}]"""),
                ResourceTypes.DEPLOYMENTS);
        assertEquals("nginx", r.at("/spec/template/spec/containers/0/image").asText());
        assertJson("{\"deployment.kubernetes.io/revision\":\"2\"}", r.at("/metadata/annotations"));
        assertEquals("web", r.at("/metadata/name").asText());
    }
}
