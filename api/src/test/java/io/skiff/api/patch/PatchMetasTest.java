package io.skiff.api.patch;

import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchMetasTest {
    private static PatchMeta.Field at(PatchMeta root, String... path) {
        PatchMeta meta = root;
        PatchMeta.Field field = null;
        for (String name : path) {
            field = meta.field(name);
            meta = field.schema();
        }
        return field;
    }

    @Test
    void podListsMergeByTheirKubernetesKeys() {
        PatchMeta pod = PatchMetas.of(ResourceTypes.PODS);
        assertEquals("name", at(pod, "spec", "containers").mergeKey());
        assertEquals("containerPort", at(pod, "spec", "containers", "ports").mergeKey());
        assertEquals("name", at(pod, "spec", "initContainers", "env").mergeKey());
        assertEquals("mountPath", at(pod, "spec", "containers", "volumeMounts").mergeKey());
        assertEquals("devicePath", at(pod, "spec", "ephemeralContainers", "volumeDevices").mergeKey());
        assertEquals("name", at(pod, "spec", "volumes").mergeKey());
        assertEquals("ip", at(pod, "spec", "hostAliases").mergeKey());
        assertEquals("topologyKey", at(pod, "spec", "topologySpreadConstraints").mergeKey());
        assertEquals("type", at(pod, "status", "conditions").mergeKey());
        assertEquals("ip", at(pod, "status", "podIPs").mergeKey());
        assertEquals("uid", at(pod, "metadata", "ownerReferences").mergeKey());
        assertTrue(at(pod, "metadata", "finalizers").mergesList());
        assertNull(at(pod, "metadata", "finalizers").mergeKey());
    }

    @Test
    void atomicListsAreReplaced() {
        PatchMeta pod = PatchMetas.of(ResourceTypes.PODS);
        assertEquals(PatchMeta.Strategy.DEFAULT, at(pod, "spec", "tolerations").strategy());
        assertEquals(PatchMeta.Strategy.DEFAULT, at(pod, "status", "containerStatuses").strategy());
        assertEquals(PatchMeta.Strategy.DEFAULT, at(pod, "spec", "containers", "args").strategy());
        assertEquals(PatchMeta.Strategy.DEFAULT, at(PatchMetas.of(ResourceTypes.NODES), "spec", "taints").strategy());
    }

    @Test
    void workloadTemplatesReachThePodSpec() {
        for (var type : new io.skiff.api.ResourceType[] {ResourceTypes.DEPLOYMENTS, ResourceTypes.REPLICA_SETS,
                ResourceTypes.REPLICATION_CONTROLLERS}) {
            PatchMeta meta = PatchMetas.of(type);
            assertEquals("name", at(meta, "spec", "template", "spec", "containers").mergeKey(), type.kind());
            assertEquals("type", at(meta, "status", "conditions").mergeKey(), type.kind());
        }
    }

    @Test
    void otherKindsMergeListsByTheirKeys() {
        assertEquals("port", at(PatchMetas.of(ResourceTypes.SERVICES), "spec", "ports").mergeKey());
        assertEquals("type", at(PatchMetas.of(ResourceTypes.NODES), "status", "addresses").mergeKey());
        assertTrue(at(PatchMetas.of(ResourceTypes.NODES), "spec", "podCIDRs").mergesList());
        assertEquals("type", at(PatchMetas.of(ResourceTypes.NAMESPACES), "status", "conditions").mergeKey());
        assertEquals("name", at(PatchMetas.of(ResourceTypes.SERVICE_ACCOUNTS), "secrets").mergeKey());
        assertSame(PatchMetas.METADATA_ONLY, PatchMetas.of(ResourceTypes.CONFIGMAPS));
        assertSame(PatchMetas.METADATA_ONLY, PatchMetas.of(ResourceTypes.SECRETS));
        assertSame(PatchMetas.METADATA_ONLY, PatchMetas.of(ResourceTypes.ENDPOINTS));
    }

    @Test
    void aFieldCannotBeDescribedTwice() {
        assertThrows(IllegalStateException.class, () -> PatchMeta.builder().mergeList("a", "k").replace("a"));
    }
}
