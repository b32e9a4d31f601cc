package io.skiff.controllers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.skiff.api.selector.LabelSelector;
import io.skiff.client.Keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pods behind a Service, shared by the Endpoints and EndpointSlice controllers: pods the
 * selector matches that have an IP and have not finished, each with the service's ports
 * resolved against its containers (a named {@code targetPort} is looked up in the pod's
 * container ports; a pod without that name does not serve that port).
 */
final class ServiceBackends {
    private ServiceBackends() {
    }

    /** A resolved port: the service port's name and protocol, the pod's port number. */
    record Port(String name, int port, String protocol) {
    }

    /** One pod as a backend. */
    record Backend(Pod pod, String ip, List<Port> ports, boolean ready, boolean terminating) {
    }

    static boolean hasSelector(Service svc) {
        return svc.getSpec() != null && svc.getSpec().getSelector() != null && !svc.getSpec().getSelector().isEmpty();
    }

    static List<Backend> of(Service svc, SharedIndexInformer<Pod> pods) {
        LabelSelector selector = LabelSelector.fromSet(svc.getSpec().getSelector());
        boolean publishNotReady = Boolean.TRUE.equals(svc.getSpec().getPublishNotReadyAddresses());
        List<Backend> backends = new ArrayList<>();
        for (Pod pod : pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, svc.getMetadata().getNamespace())) {
            String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
            if (ip == null || ip.isEmpty() || !selector.matches(pod.getMetadata().getLabels())) {
                continue;
            }
            String phase = Pods.phase(pod);
            if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
                continue;
            }
            boolean terminating = pod.getMetadata().getDeletionTimestamp() != null;
            boolean ready = !terminating && (publishNotReady || Pods.isReady(pod));
            backends.add(new Backend(pod, ip, resolvePorts(svc, pod), ready, terminating));
        }
        backends.sort(Comparator.comparing(Backend::ip).thenComparing(b -> b.pod().getMetadata().getName()));
        return backends;
    }

    private static List<Port> resolvePorts(Service svc, Pod pod) {
        List<Port> ports = new ArrayList<>();
        if (svc.getSpec().getPorts() == null) {
            return ports;
        }
        for (ServicePort sp : svc.getSpec().getPorts()) {
            String protocol = sp.getProtocol() == null ? "TCP" : sp.getProtocol();
            resolve(sp, pod, protocol).ifPresent(p -> ports.add(new Port(sp.getName(), p, protocol)));
        }
        return ports;
    }

    private static Optional<Integer> resolve(ServicePort sp, Pod pod, String protocol) {
        IntOrString target = sp.getTargetPort();
        if (target == null) {
            return Optional.ofNullable(sp.getPort());
        }
        if (target.getIntVal() != null) {
            return Optional.of(target.getIntVal());
        }
        String name = target.getStrVal();
        if (name != null && name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
            return Optional.of(Integer.parseInt(name));
        }
        for (Container c : pod.getSpec() == null || pod.getSpec().getContainers() == null ? List.<Container>of()
                : pod.getSpec().getContainers()) {
            for (ContainerPort cp : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
                String cpProtocol = cp.getProtocol() == null ? "TCP" : cp.getProtocol();
                if (name != null && name.equals(cp.getName()) && protocol.equals(cpProtocol)) {
                    return Optional.of(cp.getContainerPort());
                }
            }
        }
        return Optional.empty();
    }

    /** Keys of the services in the pod's namespace whose selector matches it. */
    static List<String> servicesSelecting(Pod pod, SharedIndexInformer<Service> services) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, pod.getMetadata().getNamespace()).stream()
                .filter(ServiceBackends::hasSelector)
                .filter(s -> LabelSelector.fromSet(s.getSpec().getSelector()).matches(labels))
                .map(Keys::of).toList();
    }
}
