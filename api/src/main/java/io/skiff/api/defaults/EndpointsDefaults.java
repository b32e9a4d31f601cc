package io.skiff.api.defaults;

import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;

/** Endpoints and EndpointSlices: ports are TCP unless stated; slice ports have a (possibly empty) name. */
final class EndpointsDefaults {
    private EndpointsDefaults() {
    }

    static void apply(Endpoints ep) {
        for (EndpointSubset ss : PodSpecDefaults.list(ep.getSubsets())) {
            for (EndpointPort p : PodSpecDefaults.list(ss.getPorts())) {
                if (ContainerDefaults.isEmpty(p.getProtocol())) {
                    p.setProtocol("TCP");
                }
            }
        }
    }

    static void apply(EndpointSlice slice) {
        for (io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort p : PodSpecDefaults.list(slice.getPorts())) {
            if (p.getName() == null) {
                p.setName("");
            }
            if (p.getProtocol() == null) {
                p.setProtocol("TCP");
            }
        }
    }
}
