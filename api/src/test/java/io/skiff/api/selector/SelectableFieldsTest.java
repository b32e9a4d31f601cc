package io.skiff.api.selector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectableFieldsTest {
    /** Pod x as the stub API server returned it to kubectl in the wire log (E05). */
    private static final JsonNode POD = json("""
            {"kind":"Pod","apiVersion":"v1","metadata":{"name":"x","labels":{"run":"x"},"namespace":"default"},
             "spec":{"containers":[{"name":"x","image":"y"}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst",
                     "nodeName":"node1","schedulerName":"default-scheduler"},
             "status":{"phase":"Running","hostIP":"192.168.0.10","podIP":"10.244.0.20","podIPs":[{"ip":"10.244.0.20"}]}}""");

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String error(ResourceType type, String selector) {
        ApiException e = assertThrows(ApiException.class, () -> FieldSelector.parse(selector, type));
        assertEquals(400, e.code());
        assertEquals("BadRequest", e.reason());
        return e.getMessage();
    }

    @Test
    void podFields() {
        assertEquals(Map.of("metadata.name", "x", "metadata.namespace", "default", "spec.nodeName", "node1",
                "spec.restartPolicy", "Always", "spec.schedulerName", "default-scheduler", "spec.serviceAccountName", "",
                "spec.hostNetwork", "false", "status.phase", "Running", "status.podIP", "10.244.0.20",
                "status.nominatedNodeName", ""), SelectableFields.of(ResourceTypes.PODS, POD));
        assertEquals("true", SelectableFields.of(ResourceTypes.PODS, json("{\"spec\":{\"hostNetwork\":true}}")).get("spec.hostNetwork"));
        assertEquals("10.0.0.9", SelectableFields.of(ResourceTypes.PODS, json("{\"status\":{\"podIP\":\"10.0.0.9\"}}")).get("status.podIP"));
    }

    @Test
    void theKubeletsWatchSelectsItsPods() {
        FieldSelector mine = FieldSelector.parse("spec.nodeName=node1", ResourceTypes.PODS);
        assertTrue(mine.matches(SelectableFields.of(ResourceTypes.PODS, POD)));
        FieldSelector unscheduled = FieldSelector.parse("spec.nodeName=,status.phase!=Succeeded", ResourceTypes.PODS);
        assertFalse(unscheduled.matches(SelectableFields.of(ResourceTypes.PODS, POD)));
        assertTrue(unscheduled.matches(SelectableFields.of(ResourceTypes.PODS, json("{\"metadata\":{\"name\":\"p\"}}"))));
    }

    @Test
    void oldClientsSpecHostMeansSpecNodeName() {
        FieldSelector s = FieldSelector.parse("spec.host=node1", ResourceTypes.PODS);
        assertEquals("spec.nodeName=node1", s.toString());
        assertTrue(s.matches(SelectableFields.of(ResourceTypes.PODS, POD)));
    }

    @Test
    void statusPodIPsIsAcceptedButNeverSet() {
        FieldSelector s = FieldSelector.parse("status.podIPs=10.244.0.20", ResourceTypes.PODS);
        assertFalse(s.matches(SelectableFields.of(ResourceTypes.PODS, POD)));
    }

    @Test
    void clusterScopedResourcesHaveNoNamespaceField() {
        JsonNode node = json("{\"metadata\":{\"name\":\"node1\"},\"spec\":{\"unschedulable\":true}}");
        assertEquals(Map.of("metadata.name", "node1", "spec.unschedulable", "true"), SelectableFields.of(ResourceTypes.NODES, node));
        assertEquals("false", SelectableFields.of(ResourceTypes.NODES, json("{}")).get("spec.unschedulable"));
        assertEquals("field label not supported: metadata.namespace", error(ResourceTypes.NODES, "metadata.namespace=x"));
        assertEquals(Map.of("metadata.name", "kube-system", "status.phase", "Active"), SelectableFields.of(ResourceTypes.NAMESPACES,
                json("{\"metadata\":{\"name\":\"kube-system\"},\"status\":{\"phase\":\"Active\"}}")));
    }

    @Test
    void coreEventFields() {
        JsonNode event = json("""
                {"metadata":{"name":"nginx.1","namespace":"default"},
                 "involvedObject":{"kind":"Pod","namespace":"default","name":"nginx","uid":"u1","apiVersion":"v1",
                                   "resourceVersion":"10","fieldPath":"spec.containers{nginx}"},
                 "reason":"Pulled","type":"Normal","reportingComponent":"kubelet","source":{"component":"kubelet","host":"node1"}}""");
        Map<String, String> fields = SelectableFields.of(ResourceTypes.EVENTS, event);
        assertEquals("Pod", fields.get("involvedObject.kind"));
        assertEquals("spec.containers{nginx}", fields.get("involvedObject.fieldPath"));
        assertEquals("10", fields.get("involvedObject.resourceVersion"));
        assertEquals("Pulled", fields.get("reason"));
        assertEquals("kubelet", fields.get("source"));
        assertEquals("Normal", fields.get("type"));
        assertEquals(13, fields.size());
        // describe pod: the exact query kubectl sends.
        assertTrue(FieldSelector.parse("involvedObject.name=nginx,involvedObject.namespace=default,involvedObject.uid=u1",
                ResourceTypes.EVENTS).matches(fields));
        assertEquals("scheduler", SelectableFields.of(ResourceTypes.EVENTS,
                json("{\"reportingComponent\":\"scheduler\"}")).get("source"), "source falls back to the reporting component");
    }

    @Test
    void eventsV1UseTheirOwnFieldNames() {
        JsonNode event = json("""
                {"metadata":{"name":"e","namespace":"default"},"regarding":{"kind":"Pod","name":"nginx"},
                 "reason":"Scheduled","reportingController":"default-scheduler","type":"Normal"}""");
        Map<String, String> fields = SelectableFields.of(ResourceTypes.EVENTS_V1, event);
        assertEquals("Pod", fields.get("regarding.kind"));
        assertEquals("default-scheduler", fields.get("reportingController"));
        assertTrue(FieldSelector.parse("regarding.kind=Pod,regarding.name=nginx", ResourceTypes.EVENTS_V1).matches(fields));
        assertEquals("field label not supported: involvedObject.name", error(ResourceTypes.EVENTS_V1, "involvedObject.name=x"));
    }

    @Test
    void secretsServicesAndControllers() {
        assertEquals("kubernetes.io/tls", SelectableFields.of(ResourceTypes.SECRETS, json("{\"type\":\"kubernetes.io/tls\"}")).get("type"));
        Map<String, String> svc = SelectableFields.of(ResourceTypes.SERVICES,
                json("{\"spec\":{\"type\":\"NodePort\",\"clusterIP\":\"10.96.0.23\"}}"));
        assertEquals("NodePort", svc.get("spec.type"));
        assertEquals("10.96.0.23", svc.get("spec.clusterIP"));
        assertEquals("3", SelectableFields.of(ResourceTypes.REPLICATION_CONTROLLERS, json("{\"status\":{\"replicas\":3}}")).get("status.replicas"));
        assertEquals("0", SelectableFields.of(ResourceTypes.REPLICA_SETS, json("{\"status\":{}}")).get("status.replicas"));
        assertTrue(FieldSelector.parse("status.replicas=0", ResourceTypes.REPLICA_SETS)
                .matches(SelectableFields.of(ResourceTypes.REPLICA_SETS, json("{}"))));
    }

    @Test
    void unsupportedFieldsAreBadRequestsWordedPerKind() {
        assertEquals("field label not supported: spec.containers", error(ResourceTypes.PODS, "spec.containers=x"));
        assertEquals("field label not supported: data", error(ResourceTypes.SECRETS, "type=Opaque,data=x"));
        assertEquals("\"data.a\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
                error(ResourceTypes.CONFIGMAPS, "data.a=1"));
        assertEquals("\"spec.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
                error(ResourceTypes.DEPLOYMENTS, "spec.replicas=1"));
    }

    @Test
    void everyServedResourceSupportsItsName() {
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            Set<String> supported = SelectableFields.supported(type);
            assertTrue(supported.contains("metadata.name"), type.plural());
            assertEquals(type.namespaced(), supported.contains("metadata.namespace"), type.plural());
            assertTrue(supported.containsAll(SelectableFields.of(type, json("{}")).keySet()), type.plural());
        }
    }
}
