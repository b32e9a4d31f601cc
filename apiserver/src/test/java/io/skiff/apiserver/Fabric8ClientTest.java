package io.skiff.apiserver;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fabric8's client, as programs scripting against Skiff use it: CRUD, watch, informers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Fabric8ClientTest {
    private TestApiServer api;
    private KubernetesClient client;

    @BeforeAll
    void start() throws Exception {
        api = TestApiServer.start();
        client = new KubernetesClientBuilder().withConfig(new io.fabric8.kubernetes.client.ConfigBuilder()
                .withMasterUrl(api.url()).withRequestRetryBackoffLimit(0).build()).build();
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        api.close();
    }

    @Test
    void createsReadsUpdatesAndDeletes() {
        ConfigMap created = client.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("settings").addToLabels("app", "demo").endMetadata()
                .addToData("color", "blue").build()).create();
        assertNotNull(created.getMetadata().getUid());
        assertNotNull(created.getMetadata().getResourceVersion());
        ConfigMap edited = client.configMaps().inNamespace("default").withName("settings")
                .edit(cm -> new ConfigMapBuilder(cm).addToData("size", "xl").build());
        assertEquals(Map.of("color", "blue", "size", "xl"), edited.getData());
        assertEquals(1, client.configMaps().inNamespace("default").withLabel("app", "demo").list().getItems().size());
        KubernetesClientException conflict = assertThrows(KubernetesClientException.class, () ->
                client.configMaps().inNamespace("default").resource(created).update());
        assertEquals(409, conflict.getCode());
        client.configMaps().inNamespace("default").withName("settings").delete();
        assertNull(client.configMaps().inNamespace("default").withName("settings").get());
    }

    @Test
    void deploymentsAndScale() {
        Deployment d = client.apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        assertEquals(1L, d.getMetadata().getGeneration());
        client.apps().deployments().inNamespace("default").withName("web").scale(4);
        Deployment scaled = client.apps().deployments().inNamespace("default").withName("web").get();
        assertEquals(4, scaled.getSpec().getReplicas());
        assertEquals(2L, scaled.getMetadata().getGeneration());
    }

    @Test
    void watchSeesChangesInOrder() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Watch w = client.pods().inNamespace("default").withLabel("watched", "yes").watch(new Watcher<Pod>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                events.add(action + " " + pod.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            Pod pod = client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("w1")
                    .addToLabels("watched", "yes").endMetadata().withNewSpec().addNewContainer().withName("c").withImage("busybox")
                    .endContainer().endSpec().build()).create();
            client.pods().inNamespace("default").withName("w1").edit(p -> new PodBuilder(p).editMetadata()
                    .addToAnnotations("touched", "1").endMetadata().build());
            client.pods().inNamespace("default").resource(pod).delete();
            assertEquals("ADDED w1", events.poll(10, TimeUnit.SECONDS));
            assertEquals("MODIFIED w1", events.poll(10, TimeUnit.SECONDS));
            assertEquals("DELETED w1", events.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void sharedIndexInformerKeepsACache() throws Exception {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName("informed").endMetadata().build()).create();
        BlockingQueue<String> added = new LinkedBlockingQueue<>();
        SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("informed").inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap obj) {
                added.add(obj.getMetadata().getName());
            }

            @Override
            public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
            }

            @Override
            public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
            }
        });
        try {
            for (int i = 0; i < 5; i++) {
                client.configMaps().inNamespace("informed").resource(new ConfigMapBuilder().withNewMetadata()
                        .withName("cm" + i).endMetadata().build()).create();
            }
            for (int i = 0; i < 5; i++) {
                assertNotNull(added.poll(10, TimeUnit.SECONDS), "informer saw add " + i);
            }
            List<String> cached = informer.getStore().list().stream().map(c -> c.getMetadata().getName()).sorted().toList();
            assertEquals(List.of("cm0", "cm1", "cm2", "cm3", "cm4"), cached);
            assertTrue(informer.hasSynced());
        } finally {
            informer.close();
        }
    }
}
