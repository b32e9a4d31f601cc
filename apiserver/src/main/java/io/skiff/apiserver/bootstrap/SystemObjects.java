package io.skiff.apiserver.bootstrap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.alloc.ServiceAllocations;
import io.skiff.apiserver.storage.ObjectStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What every cluster has from the start: the default, kube-system, kube-public and
 * kube-node-lease namespaces, and the {@code kubernetes} service (the first service IP) whose
 * endpoints are this API server. Idempotent; run at every start.
 */
public final class SystemObjects {
    private static final Logger log = LoggerFactory.getLogger(SystemObjects.class);
    private final ObjectStorage storage;
    private final ServiceAllocations allocations;

    public SystemObjects(ObjectStorage storage, ServiceAllocations allocations) {
        this.storage = storage;
        this.allocations = allocations;
    }

    public void ensure(String advertiseAddress, int port) {
        for (String ns : new String[] {"default", "kube-system", "kube-public", "kube-node-lease"}) {
            ObjectNode obj = object(ResourceTypes.NAMESPACES, null, ns);
            obj.with("metadata").with("labels").put("kubernetes.io/metadata.name", ns);
            obj.putObject("spec").putArray("finalizers").add("kubernetes");
            obj.putObject("status").put("phase", "Active");
            createIfMissing(ResourceTypes.NAMESPACES, obj);
        }
        String ip = allocations.ips().address(1);
        ObjectNode svc = object(ResourceTypes.SERVICES, "default", "kubernetes");
        svc.with("metadata").with("labels").put("component", "apiserver").put("provider", "kubernetes");
        ObjectNode spec = svc.putObject("spec");
        spec.put("type", "ClusterIP").put("clusterIP", ip).put("sessionAffinity", "None")
                .put("internalTrafficPolicy", "Cluster").put("ipFamilyPolicy", "SingleStack");
        spec.putArray("clusterIPs").add(ip);
        spec.putArray("ipFamilies").add("IPv4");
        spec.putArray("ports").addObject().put("name", "https").put("protocol", "TCP").put("port", 443).put("targetPort", port);
        svc.putObject("status").putObject("loadBalancer");
        if (createIfMissing(ResourceTypes.SERVICES, svc)) {
            allocations.ips().allocate(ip);
        }
        ObjectNode ep = object(ResourceTypes.ENDPOINTS, "default", "kubernetes");
        ep.with("metadata").with("labels").put("endpointslice.kubernetes.io/skip-mirror", "true");
        ObjectNode subset = ep.putArray("subsets").addObject();
        subset.putArray("addresses").addObject().put("ip", advertiseAddress);
        subset.putArray("ports").addObject().put("name", "https").put("port", port).put("protocol", "TCP");
        upsert(ResourceTypes.ENDPOINTS, ep);
        ObjectNode slice = object(ResourceTypes.ENDPOINT_SLICES, "default", "kubernetes");
        slice.with("metadata").with("labels").put("kubernetes.io/service-name", "kubernetes")
                .put("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io");
        slice.put("addressType", "IPv4");
        ObjectNode endpoint = slice.putArray("endpoints").addObject();
        endpoint.putArray("addresses").add(advertiseAddress);
        endpoint.putObject("conditions").put("ready", true);
        slice.putArray("ports").addObject().put("name", "https").put("port", port).put("protocol", "TCP");
        upsert(ResourceTypes.ENDPOINT_SLICES, slice);
    }

    private static ObjectNode object(ResourceType type, String namespace, String name) {
        ObjectNode obj = Json.object().put("apiVersion", type.apiVersion()).put("kind", type.kind());
        ObjectNode meta = obj.putObject("metadata").put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return obj;
    }

    private boolean createIfMissing(ResourceType type, ObjectNode obj) {
        try {
            storage.create(type, obj);
            log.info("created {} {}", type.kind(), obj.path("metadata").path("name").asText());
            return true;
        } catch (ApiException e) {
            if (e.code() == 409) {
                return false;
            }
            throw e;
        }
    }

    /** Endpoints of the API server follow its advertised address across restarts. */
    private void upsert(ResourceType type, ObjectNode obj) {
        String ns = obj.path("metadata").path("namespace").asText();
        String name = obj.path("metadata").path("name").asText();
        if (!createIfMissing(type, obj)) {
            storage.guaranteedUpdate(type, ns, name, current -> {
                ObjectNode updated = obj.deepCopy();
                ObjectNode meta = current.path("metadata").deepCopy();
                meta.set("labels", obj.path("metadata").path("labels").deepCopy());
                updated.set("metadata", meta);
                return updated;
            });
        }
    }
}
