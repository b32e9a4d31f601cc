package io.skiff.apiserver.openapi;

import io.kubernetes.client.openapi.models.AuthenticationV1TokenRequest;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.CoreV1EventList;
import io.kubernetes.client.openapi.models.EventsV1Event;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1Scale;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelRefsTest {

    @Test
    void kindsMapToClientJavaClassesByItsNamingConvention() {
        assertEquals(CoreV1Event.class, ModelRefs.kind(ResourceTypes.EVENTS).model());
        assertEquals(CoreV1EventList.class, ModelRefs.list(ResourceTypes.EVENTS).model());
        assertEquals(EventsV1Event.class, ModelRefs.kind(ResourceTypes.EVENTS_V1).model());
        assertEquals(V1Deployment.class, ModelRefs.kind(ResourceTypes.DEPLOYMENTS).model());
        assertEquals(V1Lease.class, ModelRefs.kind(ResourceTypes.LEASES).model());
        assertEquals(V1EndpointSlice.class, ModelRefs.kind(ResourceTypes.ENDPOINT_SLICES).model());
    }

    @Test
    void everyServedKindAndListHasAModelNamedAsKubernetesNamesIt() {
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            String pkg = "io.k8s.api." + DefinitionNames.packageOf(type.group()) + "." + type.version() + ".";
            assertEquals(pkg + type.kind(), SchemaGenerator.nameOf(ModelRefs.kind(type)));
            assertEquals(pkg + type.listKind(), SchemaGenerator.nameOf(ModelRefs.list(type)));
        }
    }

    @Test
    void subresourcesSendTheirOwnKinds() {
        assertEquals(V1Scale.class, ModelRefs.subresource(ResourceTypes.DEPLOYMENTS, "scale").orElseThrow().model());
        assertEquals("io.k8s.api.autoscaling.v1.Scale",
                SchemaGenerator.nameOf(ModelRefs.subresource(ResourceTypes.DEPLOYMENTS, "scale").orElseThrow()));
        assertEquals(AuthenticationV1TokenRequest.class,
                ModelRefs.subresource(ResourceTypes.SERVICE_ACCOUNTS, "token").orElseThrow().model());
        assertEquals(ModelRefs.kind(ResourceTypes.PODS), ModelRefs.subresource(ResourceTypes.PODS, "status").orElseThrow());
        assertEquals(Optional.empty(), ModelRefs.subresource(ResourceTypes.PODS, "log"));
    }

    @Test
    void mergeJoinsTheKindsOfOneClass() {
        ModelRef pod = ModelRefs.kind(ResourceTypes.PODS);
        ModelRef other = new ModelRef(pod.model(), "", List.of(new GroupVersionKind("", "v1", "Other")));
        List<ModelRef> merged = ModelRefs.merge(List.of(pod, other, pod));
        assertEquals(1, merged.size());
        assertEquals(List.of(pod.kinds().get(0), other.kinds().get(0)), merged.get(0).kinds());
    }

    @Test
    void anUnknownKindFailsInsteadOfVanishing() {
        assertThrows(IllegalArgumentException.class, () -> ModelRefs.modelClass("", "v1", "NoSuchKind"));
    }
}
