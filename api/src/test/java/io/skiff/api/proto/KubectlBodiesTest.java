package io.skiff.api.proto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.skiff.api.proto.ProtoFixtures.recorded;
import static io.skiff.api.proto.ProtoFixtures.recordedBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact bodies kubectl 1.32 POSTed for create namespace / service / deployment. */
class KubectlBodiesTest {
    private final ProtobufCodec codec = new ProtobufCodec();

    @ParameterizedTest
    @ValueSource(strings = {"kubectl-create-namespace", "kubectl-create-service-nodeport"})
    void decodesToTheObjectKubectlMeant(String fixture) {
        assertTrue(ProtobufCodec.isProtobuf(recorded(fixture).path("contentType").textValue()));
        assertEquals(recorded(fixture).path("body_protobuf_decoded"), codec.decode(recordedBody(fixture)));
    }

    @Test
    void deploymentDecodesToTheObjectKubectlMeant() {
        ObjectNode expected = recorded("kubectl-create-deployment").path("body_protobuf_decoded").deepCopy();
        // The log's view shows status {"replicas": 0}. DeploymentStatus.replicas is a plain int32 with
        // omitempty in Go, so Kubernetes (and `kubectl create deployment --dry-run=client -o json`) shows {}.
        assertEquals(Json.object().put("replicas", 0), expected.path("status"));
        expected.set("status", Json.object());

        assertEquals(expected, codec.decode(recordedBody("kubectl-create-deployment")));
    }

    @Test
    void serviceKeepsTheIntTargetPortAndDropsTheUnsetNodePort() {
        ObjectNode port = (ObjectNode) codec.decode(recordedBody("kubectl-create-service-nodeport"))
                .path("spec").path("ports").path(0);
        assertTrue(port.path("targetPort").isInt(), port::toString);
        assertEquals(5000, port.path("targetPort").intValue());
        assertTrue(port.path("nodePort").isMissingNode(), "nodePort 0 is Go's unset value: " + port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kubectl-create-namespace", "kubectl-create-service-nodeport", "kubectl-create-deployment"})
    void reencodedBodiesDecodeToTheSameObject(String fixture) {
        ObjectNode decoded = codec.decode(recordedBody(fixture));
        assertEquals(decoded, codec.decode(codec.encode(decoded)));
    }
}
