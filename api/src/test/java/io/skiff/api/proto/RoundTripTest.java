package io.skiff.api.proto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static io.skiff.api.proto.ProtoFixtures.json;
import static io.skiff.api.proto.ProtoFixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON → protobuf → JSON for objects free of Go-zero plain fields, so the round trip must be exact. */
class RoundTripTest {
    private final ProtobufCodec codec = new ProtobufCodec();

    @Test
    void podWithResourcesProbesVolumesAndManagedFields() throws Exception {
        ObjectNode pod = json("""
                {"apiVersion":"v1","kind":"Pod",
                 "metadata":{"name":"web","namespace":"default","uid":"6a1d2c4e","resourceVersion":"42",
                   "creationTimestamp":"2024-01-02T03:04:05Z","labels":{"app":"web"},"annotations":{"empty":""},
                   "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-5d8f","uid":"u1",
                     "controller":true,"blockOwnerDeletion":false}],
                   "managedFields":[{"manager":"kubectl-run","operation":"Update","apiVersion":"v1",
                     "time":"2024-01-02T03:04:05Z","fieldsType":"FieldsV1",
                     "fieldsV1":{"f:metadata":{"f:labels":{".":{},"f:app":{}}}}}]},
                 "spec":{
                   "containers":[{"name":"nginx","image":"nginx:1.27",
                     "ports":[{"name":"http","containerPort":80,"protocol":"TCP"}],
                     "resources":{"requests":{"cpu":"250m","memory":"64Mi"},"limits":{"cpu":"1","memory":"128Mi"}},
                     "livenessProbe":{"httpGet":{"path":"/healthz","port":"http","scheme":"HTTP"},
                       "initialDelaySeconds":3,"periodSeconds":10},
                     "readinessProbe":{"tcpSocket":{"port":80},"timeoutSeconds":1},
                     "startupProbe":{"exec":{"command":["cat","/tmp/ready"]},"failureThreshold":30,
                       "terminationGracePeriodSeconds":0},
                     "env":[{"name":"MODE","valueFrom":{"configMapKeyRef":{"name":"cfg","key":"mode","optional":true}}},
                            {"name":"TOKEN","valueFrom":{"secretKeyRef":{"name":"keys","key":"token"}}}],
                     "envFrom":[{"prefix":"CFG_","configMapRef":{"name":"cfg"}}],
                     "securityContext":{"runAsUser":0,"runAsNonRoot":false,"allowPrivilegeEscalation":false}}],
                   "volumes":[{"name":"data","emptyDir":{"sizeLimit":"1Gi"}},
                              {"name":"cfg","configMap":{"name":"cfg","defaultMode":420,"optional":false}}],
                   "restartPolicy":"Always","terminationGracePeriodSeconds":30,"automountServiceAccountToken":false,
                   "tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute",
                     "tolerationSeconds":0}]},
                 "status":{"phase":"Running","podIP":"10.0.0.5","startTime":"2024-01-02T03:04:06Z",
                   "conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2024-01-02T03:04:07Z"}],
                   "containerStatuses":[{"name":"nginx","ready":true,"restartCount":2,"image":"nginx:1.27",
                     "started":false,"state":{"running":{"startedAt":"2024-01-02T03:04:06Z"}}}]}}
                """);
        assertEquals(pod, roundTrip(codec, pod));

        // The wire really nests the Go-embedded structs: probe actions under "handler", volume sources under "volumeSource".
        V1.Pod wire = V1.Pod.parseFrom(rawOf(codec.encode(pod)));
        assertEquals("http", wire.getSpec().getContainers(0).getLivenessProbe().getHandler().getHttpGet().getPort().getStrVal());
        assertEquals(80, wire.getSpec().getContainers(0).getReadinessProbe().getHandler().getTcpSocket().getPort().getIntVal());
        assertEquals(420, wire.getSpec().getVolumes(1).getVolumeSource().getConfigMap().getDefaultMode());
        assertEquals("cfg", wire.getSpec().getVolumes(1).getVolumeSource().getConfigMap().getLocalObjectReference().getName());
        assertEquals("250m", wire.getSpec().getContainers(0).getResources().getRequestsOrThrow("cpu").getString());
    }

    @Test
    void deploymentWithPercentSurgeAndZeroPointers() throws Exception {
        ObjectNode deployment = json("""
                {"apiVersion":"apps/v1","kind":"Deployment",
                 "metadata":{"name":"web","namespace":"default","generation":3},
                 "spec":{"replicas":0,"revisionHistoryLimit":0,"progressDeadlineSeconds":600,
                   "selector":{"matchLabels":{"app":"web"},
                     "matchExpressions":[{"key":"tier","operator":"In","values":["front","edge"]}]},
                   "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":0}},
                   "template":{"metadata":{"labels":{"app":"web"}},
                     "spec":{"containers":[{"name":"nginx","image":"nginx"}]}}},
                 "status":{"observedGeneration":3,"replicas":2,"updatedReplicas":2,"readyReplicas":1,
                   "availableReplicas":1,"unavailableReplicas":1,"collisionCount":0,
                   "conditions":[{"type":"Available","status":"False","reason":"MinimumReplicasUnavailable",
                     "message":"Deployment does not have minimum availability.",
                     "lastUpdateTime":"2024-01-02T03:04:05Z","lastTransitionTime":"2024-01-02T03:04:05Z"}]}}
                """);
        assertEquals(deployment, roundTrip(codec, deployment));

        V1Apps.Deployment wire = V1Apps.Deployment.parseFrom(rawOf(codec.encode(deployment)));
        assertEquals("25%", wire.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getStrVal());
        assertEquals(1, wire.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getType());
        assertTrue(wire.getSpec().hasReplicas(), "replicas 0 must be on the wire");
    }

    @Test
    void serviceWithIntAndStringTargetPorts() {
        ObjectNode service = json("""
                {"apiVersion":"v1","kind":"Service",
                 "metadata":{"name":"web","namespace":"default"},
                 "spec":{"type":"NodePort","selector":{"app":"web"},"clusterIP":"10.96.0.10","clusterIPs":["10.96.0.10"],
                   "ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack","sessionAffinity":"None",
                   "externalTrafficPolicy":"Cluster","internalTrafficPolicy":"Cluster",
                   "ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":8080,"nodePort":30080},
                            {"name":"metrics","protocol":"TCP","port":9090,"targetPort":"metrics","appProtocol":"http"}]},
                 "status":{"loadBalancer":{}}}
                """);
        ObjectNode decoded = (ObjectNode) roundTrip(codec, service);
        assertEquals(service, decoded);
        assertTrue(decoded.at("/spec/ports/0/targetPort").isInt());
        assertTrue(decoded.at("/spec/ports/1/targetPort").isTextual());
    }

    @Test
    void secretWithBinaryData() throws Exception {
        byte[] binary = {0, 1, 2, (byte) 0xfe, (byte) 0xff, '\n', 0};
        String base64 = java.util.Base64.getEncoder().encodeToString(binary);
        ObjectNode secret = json("""
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"keys","namespace":"default"},
                 "type":"Opaque","immutable":false,"data":{"bin":"%s","empty":""},"stringData":{"plain":"text"}}
                """.formatted(base64));
        assertEquals(secret, roundTrip(codec, secret));

        V1.Secret wire = V1.Secret.parseFrom(rawOf(codec.encode(secret)));
        assertArrayEquals(binary, wire.getDataOrThrow("bin").toByteArray());
        assertEquals(0, wire.getDataOrThrow("empty").size());
    }

    @Test
    void namespace() {
        ObjectNode namespace = json("""
                {"apiVersion":"v1","kind":"Namespace",
                 "metadata":{"name":"team-a","labels":{"kubernetes.io/metadata.name":"team-a"},
                   "deletionTimestamp":"2024-05-06T07:08:09Z","deletionGracePeriodSeconds":0,"finalizers":["x/y"]},
                 "spec":{"finalizers":["kubernetes"]},"status":{"phase":"Terminating"}}
                """);
        assertEquals(namespace, roundTrip(codec, namespace));
    }

    @Test
    void coreEventWithMicroTime() {
        ObjectNode event = json("""
                {"apiVersion":"v1","kind":"Event",
                 "metadata":{"name":"web.17a","namespace":"default"},
                 "involvedObject":{"kind":"Pod","namespace":"default","name":"web","uid":"u1","apiVersion":"v1",
                   "fieldPath":"spec.containers{nginx}"},
                 "reason":"Pulled","message":"Successfully pulled image","type":"Normal","count":3,
                 "source":{"component":"kubelet","host":"node-1"},
                 "firstTimestamp":"2024-01-02T03:04:05Z","lastTimestamp":"2024-01-02T03:05:05Z",
                 "eventTime":"2024-01-02T03:04:05.123456Z",
                 "series":{"count":2,"lastObservedTime":"2024-01-02T03:05:05.000001Z"},
                 "action":"Pulling","reportingComponent":"kubelet","reportingInstance":"node-1"}
                """);
        assertEquals(event, roundTrip(codec, event));
    }

    @Test
    void eventsV1EventFromTheSupplementalSchema() {
        ObjectNode event = json("""
                {"apiVersion":"events.k8s.io/v1","kind":"Event",
                 "metadata":{"name":"web.17b","namespace":"default"},
                 "eventTime":"2024-01-02T03:04:05.000000Z","reportingController":"skiff.io/scheduler",
                 "reportingInstance":"scheduler-1","action":"Binding","reason":"Scheduled","type":"Normal",
                 "note":"assigned default/web to node-1",
                 "regarding":{"kind":"Pod","namespace":"default","name":"web","uid":"u1","apiVersion":"v1"},
                 "series":{"count":4,"lastObservedTime":"2024-01-02T03:06:05.654321Z"},
                 "deprecatedSource":{"component":"scheduler"},"deprecatedCount":4,
                 "deprecatedFirstTimestamp":"2024-01-02T03:04:05Z"}
                """);
        assertEquals(event, roundTrip(codec, event));
    }

    @Test
    void leaseKeepsZeroTransitions() {
        ObjectNode lease = json("""
                {"apiVersion":"coordination.k8s.io/v1","kind":"Lease",
                 "metadata":{"name":"node-1","namespace":"kube-node-lease"},
                 "spec":{"holderIdentity":"node-1","leaseDurationSeconds":40,"leaseTransitions":0,
                   "acquireTime":"2024-01-02T03:04:05.000000Z","renewTime":"2024-01-02T03:04:45.500000Z"}}
                """);
        assertEquals(lease, roundTrip(codec, lease));
    }

    @Test
    void endpointSliceKeepsFalseConditionsAndEmptyPortName() {
        ObjectNode slice = json("""
                {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
                 "metadata":{"name":"web-abc","namespace":"default","labels":{"kubernetes.io/service-name":"web"}},
                 "addressType":"IPv4",
                 "endpoints":[{"addresses":["10.0.0.5"],"conditions":{"ready":false,"serving":true,"terminating":false},
                   "nodeName":"node-1","zone":"","targetRef":{"kind":"Pod","namespace":"default","name":"web","uid":"u1"},
                   "hints":{"forZones":[{"name":"zone-a"}]},"deprecatedTopology":{"k":"v"}}],
                 "ports":[{"name":"","protocol":"TCP","port":80}]}
                """);
        assertEquals(slice, roundTrip(codec, slice));
    }

    @Test
    void listsKeepTheirItemsAndListMeta() {
        ObjectNode list = json("""
                {"apiVersion":"v1","kind":"PodList","metadata":{"resourceVersion":"99","continue":"abc",
                   "remainingItemCount":0},
                 "items":[{"metadata":{"name":"a","namespace":"default"},"spec":{"containers":[{"name":"c","image":"i"}]}},
                          {"metadata":{"name":"b","namespace":"default"}}]}
                """);
        assertEquals(list, roundTrip(codec, list));
    }

    @Test
    void deleteOptionsKeepZeroGracePeriodInEveryVersion() {
        for (String apiVersion : new String[]{"v1", "meta.k8s.io/v1", "apps/v1"}) {
            ObjectNode options = json("""
                    {"apiVersion":"%s","kind":"DeleteOptions","gracePeriodSeconds":0,"propagationPolicy":"Background",
                     "preconditions":{"uid":"u1","resourceVersion":""},"dryRun":["All"]}
                    """.formatted(apiVersion));
            assertEquals(options, roundTrip(codec, options));
        }
    }

    @Test
    void listKindWithEmbeddedObjectsUsesNestedProtobuf() throws Exception {
        ObjectNode list = json("""
                {"apiVersion":"v1","kind":"List","metadata":{},
                 "items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"v"}},
                          {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":0}}]}
                """);
        assertEquals(list, roundTrip(codec, list));

        V1.List wire = V1.List.parseFrom(rawOf(codec.encode(list)));
        assertTrue(wire.getItems(0).getRaw().startsWith(ByteString.copyFrom(new byte[]{'k', '8', 's', 0})),
                "a kind with a protobuf schema is embedded as protobuf, as Kubernetes' encoder does");
        assertEquals('{', wire.getItems(1).getRaw().byteAt(0), "other objects stay JSON");
    }

    @Test
    void controllerRevisionDataStaysJson() {
        ObjectNode revision = json("""
                {"apiVersion":"apps/v1","kind":"ControllerRevision","metadata":{"name":"web-1"},"revision":1,
                 "data":{"spec":{"template":{"$patch":"replace","spec":{"containers":[{"name":"c"}]}}}}}
                """);
        assertEquals(revision, roundTrip(codec, revision));
    }

    @Test
    void statusRepliesFromApiExceptions() {
        ObjectNode status = io.skiff.api.errors.ApiException.notFound("apps", "deployments", "web").toStatus();
        assertEquals(status, roundTrip(codec, status));
        ObjectNode invalid = io.skiff.api.errors.ApiException.invalid("", "Pod", "p",
                java.util.List.of(io.skiff.api.errors.FieldError.required("spec.containers", ""))).toStatus();
        assertEquals(invalid, roundTrip(codec, invalid));
    }

    @Test
    void watchEventsEmbedTheirObjectAsProtobuf() {
        ObjectNode event = json("""
                {"apiVersion":"v1","kind":"WatchEvent","type":"MODIFIED",
                 "object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","resourceVersion":"8"}}}
                """);
        assertEquals(event, roundTrip(codec, event));
    }

    static Stream<ResourceType> servedTypes() {
        return ResourceTypes.ALL_TYPES.stream();
    }

    @ParameterizedTest
    @MethodSource("servedTypes")
    void everyServedKindAndItsListRoundTrip(ResourceType type) {
        ObjectNode object = json("""
                {"apiVersion":"%s","kind":"%s","metadata":{"name":"x","namespace":"ns","labels":{"a":"b"},
                 "creationTimestamp":"2024-01-02T03:04:05Z"}}
                """.formatted(type.apiVersion(), type.kind()));
        assertEquals(object, roundTrip(codec, object));

        ObjectNode list = json("""
                {"apiVersion":"%s","kind":"%s","metadata":{"resourceVersion":"7"},"items":[{"metadata":{"name":"x"}}]}
                """.formatted(type.apiVersion(), type.listKind()));
        assertEquals(list, roundTrip(codec, list));
    }

    /** The object's own message bytes inside the envelope. */
    static ByteString rawOf(byte[] body) throws Exception {
        return io.kubernetes.client.proto.Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, 4, body.length)).getRaw();
    }
}
