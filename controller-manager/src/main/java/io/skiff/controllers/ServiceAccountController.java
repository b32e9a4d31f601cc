package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.skiff.client.Controller;
import io.skiff.client.Informers;
import io.skiff.client.Keys;
import io.skiff.client.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Every active namespace has a {@code default} ServiceAccount; deleting it brings it back. Keys are namespace names. */
public final class ServiceAccountController implements AutoCloseable {
    static final String DEFAULT = "default";
    private static final Logger log = LoggerFactory.getLogger(ServiceAccountController.class);
    private final KubernetesClient client;
    private final SharedIndexInformer<Namespace> namespaces;
    private final SharedIndexInformer<ServiceAccount> accounts;
    private final Controller controller;

    public ServiceAccountController(KubernetesClient client, Informers informers) {
        this.client = client;
        this.namespaces = informers.of(Namespace.class);
        this.accounts = informers.of(ServiceAccount.class);
        this.controller = new Controller("ServiceAccount", this::reconcile)
                .watch(namespaces)
                .watchMapped(accounts, sa -> DEFAULT.equals(sa.getMetadata().getName())
                        ? List.of(sa.getMetadata().getNamespace()) : List.of());
    }

    public void start(int workers) {
        controller.start(workers);
    }

    Result reconcile(String namespace) {
        Namespace ns = namespaces.getIndexer().getByKey(namespace);
        if (ns == null || ns.getMetadata().getDeletionTimestamp() != null
                || (ns.getStatus() != null && "Terminating".equals(ns.getStatus().getPhase()))) {
            return Result.done();
        }
        if (accounts.getIndexer().getByKey(Keys.of(namespace, DEFAULT)) != null) {
            return Result.done();
        }
        try {
            client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder()
                    .withNewMetadata().withName(DEFAULT).withNamespace(namespace).endMetadata().build()).create();
            log.info("created ServiceAccount {}/default", namespace);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e; // 409: it exists already, the cache was behind
            }
        }
        return Result.done();
    }

    @Override
    public void close() {
        controller.close();
    }
}
