package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

import static io.skiff.controllers.TestCluster.await;

/** A real API server, a hollow kubelet and the controller manager, shared by one test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ControllersITBase {
    static final Duration WAIT = Duration.ofSeconds(30);
    TestCluster cluster;
    HollowKubelet kubelet;
    ControllerManager manager;

    @BeforeAll
    void start() throws Exception {
        cluster = new TestCluster();
        kubelet = new HollowKubelet(cluster.client);
        manager = ControllerManager.start(cluster.client, ControllerManagerOptions.defaults().withLeaderElect(false).withWorkers(2));
        await("controllers running", WAIT, manager::isLeading);
    }

    @AfterAll
    void stop() throws Exception {
        manager.close();
        kubelet.close();
        cluster.close();
    }

    /** A fresh namespace whose pods the hollow kubelet runs. */
    String namespace(String name) {
        cluster.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        kubelet.serve(name);
        return name;
    }
}
