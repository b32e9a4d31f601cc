package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.HashMap;
import java.util.List;

/** The pod writes of workload controllers: create from a template, delete. */
final class PodControl {
    private final KubernetesClient client;

    PodControl(KubernetesClient client) {
        this.client = client;
    }

    /** Creates a pod named {@code <owner>-<random>} from the template, controlled by the owner; returns its name. */
    String create(HasMetadata owner, String apiVersion, String kind, PodTemplateSpec template) {
        var tm = template.getMetadata();
        Pod pod = new PodBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withGenerateName(owner.getMetadata().getName() + "-")
                        .withNamespace(owner.getMetadata().getNamespace())
                        .withLabels(tm == null || tm.getLabels() == null ? new HashMap<>() : new HashMap<>(tm.getLabels()))
                        .withAnnotations(tm == null || tm.getAnnotations() == null ? null : new HashMap<>(tm.getAnnotations()))
                        .withFinalizers(tm == null ? null : tm.getFinalizers())
                        .withOwnerReferences(List.of(ControllerRefs.controllerRef(owner, apiVersion, kind)))
                        .build())
                .withSpec(client.getKubernetesSerialization().clone(template.getSpec()))
                .build();
        return client.pods().inNamespace(owner.getMetadata().getNamespace()).resource(pod).create().getMetadata().getName();
    }

    /** Deletes a pod; one already gone counts as deleted. */
    void delete(String namespace, String name) {
        try {
            client.pods().inNamespace(namespace).withName(name).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }
}
