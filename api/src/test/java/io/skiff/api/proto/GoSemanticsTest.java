package io.skiff.api.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import org.junit.jupiter.api.Test;

import static io.skiff.api.proto.ProtoFixtures.envelope;
import static io.skiff.api.proto.ProtoFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decoding bodies shaped like a Go client's (every plain field written, zero or not), built with the
 * generated classes so the codec's own encoder is not the reference.
 */
class GoSemanticsTest {
    private final ProtobufCodec codec = new ProtobufCodec();

    private static Meta.ObjectMeta.Builder goMeta(String name) {
        // What Go writes for an ObjectMeta with only a name: all plain strings, generation 0, an empty Time.
        return Meta.ObjectMeta.newBuilder().setName(name).setGenerateName("").setNamespace("").setSelfLink("")
                .setUid("").setResourceVersion("").setGeneration(0).setCreationTimestamp(Meta.Time.getDefaultInstance());
    }

    @Test
    void plainZerosAreUnsetButPointerZerosAreValues() {
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(goMeta("web"))
                .setSpec(V1Apps.DeploymentSpec.newBuilder()
                        .setReplicas(0).setRevisionHistoryLimit(0) // *int32 in Go: zero is a choice
                        .setMinReadySeconds(0).setPaused(false) // plain fields: zero is Go's "unset"
                        .setStrategy(V1Apps.DeploymentStrategy.newBuilder().setType("")))
                .build();
        JsonNode decoded = codec.decode(envelope("apps/v1", "Deployment", deployment.toByteString()));

        assertEquals(json("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
                 "spec":{"replicas":0,"revisionHistoryLimit":0,"strategy":{}}}
                """), decoded);
    }

    @Test
    void mapValuesAndListItemsKeepTheirZeros() {
        V1.ConfigMap configMap = V1.ConfigMap.newBuilder()
                .setMetadata(goMeta("cm").putLabels("empty", "").addFinalizers(""))
                .putData("blank", "")
                .build();
        JsonNode decoded = codec.decode(envelope("v1", "ConfigMap", configMap.toByteString()));

        assertEquals("", decoded.at("/metadata/labels/empty").textValue());
        assertEquals("", decoded.at("/metadata/finalizers/0").textValue());
        assertEquals("", decoded.at("/data/blank").textValue());
    }

    @Test
    void timesFollowGoEncoding() {
        V1.Event event = V1.Event.newBuilder()
                .setMetadata(goMeta("e"))
                .setFirstTimestamp(Meta.Time.newBuilder().setSeconds(1704164645).setNanos(999_000_000)) // Time drops nanos
                .setLastTimestamp(Meta.Time.newBuilder().setSeconds(0).setNanos(0)) // the epoch, not Go's zero time
                .setEventTime(Meta.MicroTime.newBuilder().setSeconds(1704164645).setNanos(123_456_789))
                .build();
        ObjectNode decoded = codec.decode(envelope("v1", "Event", event.toByteString()));

        assertEquals("2024-01-02T03:04:05Z", decoded.path("firstTimestamp").textValue());
        assertEquals("1970-01-01T00:00:00Z", decoded.path("lastTimestamp").textValue());
        assertEquals("2024-01-02T03:04:05.123456Z", decoded.path("eventTime").textValue());
        assertFalse(decoded.path("metadata").has("creationTimestamp"), "an empty Time is Go's zero time");
    }

    @Test
    void intOrStringWithAnUnknownTypeIsRejected() {
        V1.Service service = V1.Service.newBuilder()
                .setSpec(V1.ServiceSpec.newBuilder().addPorts(V1.ServicePort.newBuilder().setPort(80)
                        .setTargetPort(IntStr.IntOrString.newBuilder().setType(7))))
                .build();
        ProtoFixtures.assertApiError(400, "IntOrString has type 7",
                () -> codec.decode(envelope("v1", "Service", service.toByteString())));
    }

    @Test
    void intOrStringWithoutTypeIsAnInt() {
        V1.Service service = V1.Service.newBuilder()
                .setSpec(V1.ServiceSpec.newBuilder().addPorts(V1.ServicePort.newBuilder().setPort(80)
                        .setTargetPort(IntStr.IntOrString.newBuilder().setIntVal(8080))))
                .build();
        JsonNode targetPort = codec.decode(envelope("v1", "Service", service.toByteString())).at("/spec/ports/0/targetPort");
        assertTrue(targetPort.isInt());
        assertEquals(8080, targetPort.intValue());
    }

    @Test
    void emptyNestedMessagesStayAsEmptyObjects() {
        // Go's JSON prints non-pointer structs even when empty: `resources: {}`, `securityContext: {}`.
        V1.Pod pod = V1.Pod.newBuilder().setSpec(V1.PodSpec.newBuilder()
                        .addContainers(V1.Container.newBuilder().setName("c").setResources(V1.ResourceRequirements.getDefaultInstance()))
                        .setSecurityContext(V1.PodSecurityContext.getDefaultInstance()))
                .build();
        ObjectNode decoded = codec.decode(envelope("v1", "Pod", pod.toByteString()));
        assertEquals(json("{}"), decoded.at("/spec/containers/0/resources"));
        assertEquals(json("{}"), decoded.at("/spec/securityContext"));
        assertNull(decoded.get("status"));
    }

    @Test
    void nullTimesAndNullsInJsonAreLeftUnset() {
        ObjectNode withNulls = json("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","creationTimestamp":null,"labels":null},
                 "spec":null}
                """);
        assertEquals(json("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}
                """), codec.decode(codec.encode(withNulls)));
    }

    @Test
    void jsonKeysWithoutAProtobufFieldAreLeftOut() {
        ObjectNode newer = json("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"hostnameOverride":"x",
                 "containers":[{"name":"c","image":"i"}]}}
                """);
        assertEquals(json("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"i"}]}}
                """), codec.decode(codec.encode(newer)));
    }

    @Test
    void durationsUseGoSyntax() {
        DurationValue duration = new DurationValue();
        Meta.Duration ninetyMinutes = Meta.Duration.newBuilder().setDuration(5_400_000_000_000L).build();
        assertEquals("1h30m0s", duration.toJson(ninetyMinutes).textValue());
        assertEquals(ninetyMinutes.toByteString(),
                duration.fromJson(json("{\"d\":\"90m\"}").get("d"), Meta.Duration.getDescriptor(), "d").toByteString());
    }

    @Test
    void rawExtensionJsonDecodes() {
        V1Apps.ControllerRevision revision = V1Apps.ControllerRevision.newBuilder()
                .setMetadata(goMeta("r"))
                .setData(io.kubernetes.client.proto.Runtime.RawExtension.newBuilder()
                        .setRaw(com.google.protobuf.ByteString.copyFromUtf8("{\"spec\":{\"x\":[1,2]}}")))
                .setRevision(2)
                .build();
        JsonNode decoded = codec.decode(envelope("apps/v1", "ControllerRevision", revision.toByteString()));
        assertEquals(json("{\"spec\":{\"x\":[1,2]}}"), decoded.path("data"));
        assertEquals(2L, decoded.path("revision").longValue());
    }
}
