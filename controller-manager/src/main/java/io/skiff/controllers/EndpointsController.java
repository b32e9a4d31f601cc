package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.skiff.client.Controller;
import io.skiff.client.Informers;
import io.skiff.client.Keys;
import io.skiff.client.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the v1 Endpoints of every Service with a selector: ready pods under {@code addresses},
 * the others under {@code notReadyAddresses}, grouped into subsets of pods serving the same
 * ports. Services without a selector are left alone (their Endpoints are the user's).
 */
public final class EndpointsController implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EndpointsController.class);
    private final KubernetesClient client;
    private final SharedIndexInformer<Service> services;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Endpoints> endpoints;
    private final Controller controller;

    public EndpointsController(KubernetesClient client, Informers informers) {
        this.client = client;
        this.services = informers.of(Service.class);
        this.pods = informers.of(Pod.class);
        this.endpoints = informers.of(Endpoints.class);
        this.controller = new Controller("Endpoints", this::reconcile)
                .watch(services)
                .watch(endpoints)
                .watchMapped(pods, pod -> ServiceBackends.servicesSelecting(pod, services));
    }

    public void start(int workers) {
        controller.start(workers);
    }

    Result reconcile(String key) {
        Service svc = services.getIndexer().getByKey(key);
        Endpoints current = endpoints.getIndexer().getByKey(key);
        if (svc == null) {
            if (current != null) {
                deleteIgnoringNotFound(key);
            }
            return Result.done();
        }
        if (!ServiceBackends.hasSelector(svc)) {
            return Result.done();
        }
        List<EndpointSubset> subsets = subsets(ServiceBackends.of(svc, pods));
        Map<String, String> labels = new HashMap<>(svc.getMetadata().getLabels() == null ? Map.of() : svc.getMetadata().getLabels());
        if ("None".equals(svc.getSpec().getClusterIP())) {
            labels.put("service.kubernetes.io/headless", "");
        }
        if (current == null) {
            Endpoints ep = new EndpointsBuilder().withNewMetadata().withName(svc.getMetadata().getName())
                    .withNamespace(svc.getMetadata().getNamespace()).withLabels(labels).endMetadata()
                    .withSubsets(subsets).build();
            try {
                client.endpoints().inNamespace(svc.getMetadata().getNamespace()).resource(ep).create();
                log.info("Endpoints {} created with {} subsets", key, subsets.size());
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                controller.enqueue(key); // made by someone else meanwhile: compare on the next pass
            }
            return Result.done();
        }
        List<EndpointSubset> have = current.getSubsets() == null ? List.of() : current.getSubsets();
        if (have.equals(subsets) && labels.equals(current.getMetadata().getLabels() == null ? Map.of() : current.getMetadata().getLabels())) {
            return Result.done();
        }
        Endpoints copy = client.getKubernetesSerialization().clone(current);
        copy.setSubsets(subsets);
        copy.getMetadata().setLabels(labels);
        client.endpoints().inNamespace(svc.getMetadata().getNamespace()).resource(copy).update();
        log.debug("Endpoints {} updated: {} subsets", key, subsets.size());
        return Result.done();
    }

    private void deleteIgnoringNotFound(String key) {
        try {
            client.endpoints().inNamespace(Keys.namespace(key)).withName(Keys.name(key)).delete();
            log.info("Endpoints {} deleted with its service", key);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    static List<EndpointSubset> subsets(List<ServiceBackends.Backend> backends) {
        Map<List<ServiceBackends.Port>, EndpointSubset> byPorts = new LinkedHashMap<>();
        for (ServiceBackends.Backend b : backends) {
            if (b.ports().isEmpty() || b.terminating()) {
                continue;
            }
            EndpointSubset subset = byPorts.computeIfAbsent(b.ports(), ports -> {
                EndpointSubset s = new EndpointSubset();
                List<EndpointPort> eps = new ArrayList<>();
                for (ServiceBackends.Port p : ports) {
                    eps.add(new io.fabric8.kubernetes.api.model.EndpointPortBuilder().withName(p.name()).withPort(p.port())
                            .withProtocol(p.protocol()).build());
                }
                s.setPorts(eps);
                return s;
            });
            EndpointAddress address = new EndpointAddressBuilder().withIp(b.ip())
                    .withNodeName(b.pod().getSpec() == null ? null : b.pod().getSpec().getNodeName())
                    .withTargetRef(new ObjectReferenceBuilder().withKind("Pod").withNamespace(b.pod().getMetadata().getNamespace())
                            .withName(b.pod().getMetadata().getName()).withUid(b.pod().getMetadata().getUid()).build())
                    .build();
            if (b.ready()) {
                subset.setAddresses(append(subset.getAddresses(), address));
            } else {
                subset.setNotReadyAddresses(append(subset.getNotReadyAddresses(), address));
            }
        }
        return new ArrayList<>(byPorts.values().stream().filter(Objects::nonNull).toList());
    }

    private static List<EndpointAddress> append(List<EndpointAddress> list, EndpointAddress a) {
        List<EndpointAddress> out = list == null ? new ArrayList<>() : new ArrayList<>(list);
        out.add(a);
        return out;
    }

    @Override
    public void close() {
        controller.close();
    }
}
