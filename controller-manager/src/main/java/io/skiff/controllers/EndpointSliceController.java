package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.skiff.client.Controller;
import io.skiff.client.Informers;
import io.skiff.client.Keys;
import io.skiff.client.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the discovery.k8s.io/v1 EndpointSlices of every Service with a selector: one slice per
 * distinct set of resolved ports, at most 100 endpoints each, labelled
 * {@code kubernetes.io/service-name} and owned by the Service (the garbage collector removes
 * them with it). Terminating pods stay listed with {@code terminating: true}.
 */
public final class EndpointSliceController implements AutoCloseable {
    static final String SERVICE_NAME = "kubernetes.io/service-name";
    static final String MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
    static final String CONTROLLER_NAME = "endpointslice-controller.k8s.io";
    static final int MAX_ENDPOINTS = 100;
    private static final Logger log = LoggerFactory.getLogger(EndpointSliceController.class);

    private final KubernetesClient client;
    private final SharedIndexInformer<Service> services;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<EndpointSlice> slices;
    private final Controller controller;

    public EndpointSliceController(KubernetesClient client, Informers informers) {
        this.client = client;
        this.services = informers.of(Service.class);
        this.pods = informers.of(Pod.class);
        this.slices = informers.of(EndpointSlice.class);
        this.controller = new Controller("EndpointSlice", this::reconcile)
                .watch(services)
                .watchMapped(pods, pod -> ServiceBackends.servicesSelecting(pod, services))
                .watchMapped(slices, slice -> {
                    Map<String, String> labels = slice.getMetadata().getLabels();
                    if (labels == null || !CONTROLLER_NAME.equals(labels.get(MANAGED_BY)) || labels.get(SERVICE_NAME) == null) {
                        return List.of();
                    }
                    return List.of(Keys.of(slice.getMetadata().getNamespace(), labels.get(SERVICE_NAME)));
                });
    }

    public void start(int workers) {
        controller.start(workers);
    }

    /** A slice's content: what must match for an existing slice to be kept as it is. */
    private record Desired(List<EndpointPort> ports, List<Endpoint> endpoints) {
    }

    Result reconcile(String key) {
        Service svc = services.getIndexer().getByKey(key);
        String ns = Keys.namespace(key);
        List<EndpointSlice> existing = new ArrayList<>(slices.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns).stream()
                .filter(s -> s.getMetadata().getLabels() != null
                        && Keys.name(key).equals(s.getMetadata().getLabels().get(SERVICE_NAME))
                        && CONTROLLER_NAME.equals(s.getMetadata().getLabels().get(MANAGED_BY)))
                .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
                .toList());
        if (svc == null || !ServiceBackends.hasSelector(svc)) {
            // a deleted service's slices go with it through their ownerReference (garbage
            // collector); a service without a selector has its slices managed by someone else
            return Result.done();
        }
        List<Desired> desired = desired(ServiceBackends.of(svc, pods));
        List<EndpointSlice> unmatched = new ArrayList<>(existing);
        List<Desired> missing = new ArrayList<>();
        for (Desired d : desired) {
            EndpointSlice same = unmatched.stream().filter(s -> sameContent(s, d)).findFirst().orElse(null);
            if (same != null) {
                unmatched.remove(same);
            } else {
                missing.add(d);
            }
        }
        // reuse slices that no longer match before creating or deleting any
        for (Desired d : missing) {
            if (!unmatched.isEmpty()) {
                EndpointSlice copy = client.getKubernetesSerialization().clone(unmatched.remove(0));
                copy.setPorts(d.ports());
                copy.setEndpoints(d.endpoints());
                client.resource(copy).update();
            } else {
                client.resource(newSlice(svc, d)).create();
                log.info("EndpointSlice for {} created ({} endpoints)", key, d.endpoints().size());
            }
        }
        unmatched.forEach(this::delete);
        return Result.done();
    }

    private static boolean sameContent(EndpointSlice s, Desired d) {
        return d.ports().equals(s.getPorts() == null ? List.of() : s.getPorts())
                && d.endpoints().equals(s.getEndpoints() == null ? List.of() : s.getEndpoints());
    }

    private static List<Desired> desired(List<ServiceBackends.Backend> backends) {
        Map<List<ServiceBackends.Port>, List<Endpoint>> byPorts = new LinkedHashMap<>();
        for (ServiceBackends.Backend b : backends) {
            byPorts.computeIfAbsent(b.ports(), p -> new ArrayList<>()).add(endpoint(b));
        }
        List<Desired> out = new ArrayList<>();
        byPorts.forEach((ports, endpoints) -> {
            List<EndpointPort> eps = ports.stream().map(p -> new EndpointPortBuilder().withName(p.name())
                    .withPort(p.port()).withProtocol(p.protocol()).build()).toList();
            for (int i = 0; i < endpoints.size(); i += MAX_ENDPOINTS) {
                out.add(new Desired(new ArrayList<>(eps), new ArrayList<>(endpoints.subList(i, Math.min(endpoints.size(), i + MAX_ENDPOINTS)))));
            }
        });
        if (out.isEmpty()) {
            out.add(new Desired(new ArrayList<>(), new ArrayList<>())); // a service with no pods still has its (empty) slice
        }
        return out;
    }

    private static Endpoint endpoint(ServiceBackends.Backend b) {
        Pod pod = b.pod();
        boolean serving = b.terminating() ? Pods.isReady(pod) : b.ready();
        return new EndpointBuilder().withAddresses(b.ip())
                .withNewConditions().withReady(b.ready()).withServing(serving).withTerminating(b.terminating()).endConditions()
                .withNodeName(pod.getSpec() == null ? null : pod.getSpec().getNodeName())
                .withTargetRef(new ObjectReferenceBuilder().withKind("Pod").withNamespace(pod.getMetadata().getNamespace())
                        .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid()).build())
                .build();
    }

    private static EndpointSlice newSlice(Service svc, Desired d) {
        Map<String, String> labels = new HashMap<>(svc.getMetadata().getLabels() == null ? Map.of() : svc.getMetadata().getLabels());
        labels.put(SERVICE_NAME, svc.getMetadata().getName());
        labels.put(MANAGED_BY, CONTROLLER_NAME);
        return new EndpointSliceBuilder()
                .withNewMetadata().withGenerateName(svc.getMetadata().getName() + "-")
                .withNamespace(svc.getMetadata().getNamespace()).withLabels(labels)
                .withOwnerReferences(ControllerRefs.controllerRef(svc, "v1", "Service")).endMetadata()
                .withAddressType("IPv4").withPorts(d.ports()).withEndpoints(d.endpoints())
                .build();
    }

    private void delete(EndpointSlice s) {
        try {
            client.resource(s).withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        controller.close();
    }
}
