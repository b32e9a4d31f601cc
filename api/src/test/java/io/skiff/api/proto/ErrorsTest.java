package io.skiff.api.proto;

import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.skiff.api.proto.ProtoFixtures.assertApiError;
import static io.skiff.api.proto.ProtoFixtures.envelope;
import static io.skiff.api.proto.ProtoFixtures.json;
import static io.skiff.api.proto.ProtoFixtures.recordedBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every failure is an ApiException with the status Kubernetes would use, never an unchecked parse exception. */
class ErrorsTest {
    private final ProtobufCodec codec = new ProtobufCodec();

    @Test
    void bodiesWithoutTheMagicPrefixAreBadRequests() {
        assertApiError(400, "k8s\\x00", () -> codec.decode(null));
        assertApiError(400, "k8s\\x00", () -> codec.decode(new byte[0]));
        assertApiError(400, "k8s\\x00", () -> codec.decode(new byte[]{'k', '8', 's'}));
        assertApiError(400, "k8s\\x00", () -> codec.decode("{\"kind\":\"Pod\"}".getBytes(StandardCharsets.UTF_8)));
        assertApiError(400, "k8s\\x00", () -> codec.decode(new byte[]{'k', '8', 'S', 0, 10, 0}));
    }

    @Test
    void anEmptyEnvelopeLacksAKind() {
        assertApiError(400, "Object 'Kind' is missing", () -> codec.decode(new byte[]{'k', '8', 's', 0}));
        assertApiError(400, "'apiVersion' is missing", () -> codec.decode(envelope("", "Pod", ByteString.EMPTY)));
    }

    @Test
    void truncatedBodiesAreBadRequests() {
        byte[] body = recordedBody("kubectl-create-deployment");
        for (int cut : new int[]{5, 20, body.length / 2, body.length - 1}) {
            byte[] truncated = Arrays.copyOf(body, body.length - cut);
            assertApiError(400, "invalid protobuf body", () -> codec.decode(truncated));
        }
    }

    @Test
    void garbageInsideTheEnvelopeIsABadRequest() {
        byte[] body = envelope("v1", "Pod", ByteString.copyFrom(new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff}));
        assertApiError(400, "Pod cannot be parsed", () -> codec.decode(body));
    }

    @Test
    void anUnknownKindOfAKnownVersionIsABadRequest() {
        assertApiError(400, "no kind \"Frobnicator\" is registered for version \"v1\"",
                () -> codec.decode(envelope("v1", "Frobnicator", ByteString.EMPTY)));
        assertApiError(400, "no kind \"PodTemplateSpec\"",
                () -> codec.decode(envelope("v1", "PodTemplateSpec", ByteString.EMPTY)));
    }

    @Test
    void aVersionWithoutProtobufIsUnsupportedMedia() {
        assertApiError(415, "example.com/v1", () -> codec.decode(envelope("example.com/v1", "Widget", ByteString.EMPTY)));
        assertApiError(415, "apps/v1beta1", () -> codec.decode(envelope("apps/v1beta1", "Deployment", ByteString.EMPTY)));
    }

    @Test
    void encodedOrForeignEnvelopeContentIsUnsupportedMedia() {
        Runtime.Unknown gzip = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion("v1").setKind("Pod"))
                .setContentEncoding("gzip").build();
        assertApiError(415, "gzip", () -> codec.decode(envelope(gzip)));
        Runtime.Unknown yaml = gzip.toBuilder().setContentEncoding("").setContentType("application/yaml").build();
        assertApiError(415, "application/yaml", () -> codec.decode(envelope(yaml)));
    }

    @Test
    void anEnvelopeDeclaringJsonContentIsRead() {
        Runtime.Unknown jsonInside = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion("v1").setKind("Namespace"))
                .setContentType("application/json")
                .setRaw(ByteString.copyFromUtf8("{\"metadata\":{\"name\":\"n\"}}")).build();
        assertEquals(json("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"n\"}}"),
                codec.decode(envelope(jsonInside)));
    }

    @Test
    void brokenEmbeddedJsonIsABadRequest() {
        V1.List list = V1.List.newBuilder()
                .addItems(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8("{\"kind\": nope}")))
                .build();
        assertApiError(400, "neither Kubernetes protobuf nor valid JSON",
                () -> codec.decode(envelope("v1", "List", list.toByteString())));
        V1.List trailing = V1.List.newBuilder()
                .addItems(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8("{} {}")))
                .build();
        assertApiError(400, "RawExtension", () -> codec.decode(envelope("v1", "List", trailing.toByteString())));
    }

    @Test
    void objectsNestedWithoutEndAreCutOff() {
        byte[] inner = envelope("v1", "List", ByteString.EMPTY);
        for (int i = 0; i < ProtoToJson.MAX_NESTED_OBJECTS + 1; i++) {
            V1.List wrapper = V1.List.newBuilder()
                    .addItems(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFrom(inner))).build();
            inner = envelope("v1", "List", wrapper.toByteString());
        }
        byte[] deep = inner;
        assertApiError(400, "nested more than", () -> codec.decode(deep));
    }

    @Test
    void timesBeyondRfc3339AreBadRequests() {
        V1.Event event = V1.Event.newBuilder()
                .setFirstTimestamp(io.kubernetes.client.proto.Meta.Time.newBuilder().setSeconds(Long.MAX_VALUE))
                .build();
        assertApiError(400, "out of range", () -> codec.decode(envelope("v1", "Event", event.toByteString())));
        V1.Event year10k = V1.Event.newBuilder()
                .setFirstTimestamp(io.kubernetes.client.proto.Meta.Time.newBuilder().setSeconds(253_402_300_800L))
                .build();
        assertApiError(400, "0-9999", () -> codec.decode(envelope("v1", "Event", year10k.toByteString())));
    }

    @Test
    void encodingAKindWithoutProtobufIsNotAcceptable() {
        assertApiError(406, "Widget", () -> codec.encode(json("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\"}")));
    }

    @Test
    void encodingValuesThatDoNotFitIsAnInternalError() {
        assertApiError(500, "apiVersion and kind", () -> codec.encode(json("{\"metadata\":{}}")));
        assertApiError(500, "spec.replicas as protobuf: expected an integer",
                () -> codec.encode(json("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":{\"replicas\":\"three\"}}")));
        assertApiError(500, "spec.replicas as protobuf: 2147483648 is out of range",
                () -> codec.encode(json("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":{\"replicas\":2147483648}}")));
        assertApiError(500, "metadata.creationTimestamp as protobuf: not an RFC 3339 time",
                () -> codec.encode(json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"yesterday\"}}")));
        assertApiError(500, "spec.containers as protobuf: expected an array",
                () -> codec.encode(json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":{}}}")));
        assertApiError(500, "data.k as protobuf: not valid base64",
                () -> codec.encode(json("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"data\":{\"k\":\"***\"}}")));
        assertApiError(500, "spec.ports[0].targetPort as protobuf: expected an integer or a string",
                () -> codec.encode(json("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"spec\":{\"ports\":[{\"targetPort\":true}]}}")));
        assertApiError(500, "spec.containers[0].resources.limits.cpu as protobuf: expected a quantity",
                () -> codec.encode(json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"resources\":{\"limits\":{\"cpu\":[]}}}]}}")));
        assertApiError(500, "expected a Kubernetes object", () -> codec.encode(null));
    }

    @Test
    void isProtobufMatchesTheMediaTypeOnly() {
        assertEquals(true, ProtobufCodec.isProtobuf("application/vnd.kubernetes.protobuf"));
        assertEquals(true, ProtobufCodec.isProtobuf("Application/VND.Kubernetes.Protobuf ; charset=binary"));
        assertEquals(true, ProtobufCodec.isProtobuf("application/vnd.kubernetes.protobuf;stream=watch"));
        assertEquals(false, ProtobufCodec.isProtobuf("application/json"));
        assertEquals(false, ProtobufCodec.isProtobuf("application/vnd.kubernetes.protobuf+json"));
        assertEquals(false, ProtobufCodec.isProtobuf(""));
        assertEquals(false, ProtobufCodec.isProtobuf(null));
    }
}
