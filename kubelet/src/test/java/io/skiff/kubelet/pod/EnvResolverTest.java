package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EnvResolverTest {
    @Test
    void expandsReferencesToEarlierVariablesAndKeepsUnknownOnes() {
        Map<String, String> defined = Map.of("A", "1", "B", "two");
        assertEquals("1-two", EnvResolver.expand("$(A)-$(B)", defined));
        assertEquals("$(C) and $(A)", EnvResolver.expand("$(C) and $$(A)", defined));
        assertEquals("cost $5", EnvResolver.expand("cost $5", defined));
    }

    @Test
    void readsDownwardApiFields() throws Exception {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").withNamespace("shop").withUid("u-1")
                .addToLabels("app", "web").endMetadata().withNewSpec().withNodeName("n1").withServiceAccountName("default").endSpec().build();
        assertEquals("web", EnvResolver.field(pod, "metadata.name", "10.244.0.2", "192.0.2.1"));
        assertEquals("shop", EnvResolver.field(pod, "metadata.namespace", null, null));
        assertEquals("web", EnvResolver.field(pod, "metadata.labels['app']", null, null));
        assertEquals("n1", EnvResolver.field(pod, "spec.nodeName", null, null));
        assertEquals("10.244.0.2", EnvResolver.field(pod, "status.podIP", "10.244.0.2", null));
        assertThrows(ConfigError.class, () -> EnvResolver.field(pod, "spec.nothing", null, null));
    }
}
