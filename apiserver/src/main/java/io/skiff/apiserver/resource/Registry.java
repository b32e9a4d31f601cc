package io.skiff.apiserver.resource;

import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.apiserver.table.printers.DeploymentPrinter;
import io.skiff.apiserver.table.printers.NodePrinter;
import io.skiff.apiserver.table.printers.ReplicaSetPrinter;
import io.skiff.apiserver.table.printers.SimplePrinters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every served resource and its strategy, plus the older group-versions that tutorials still
 * use (extensions/v1beta1, apps/v1beta1, apps/v1beta2 Deployments and ReplicaSets), which are
 * accepted and served as apps/v1.
 */
public final class Registry {
    private final Map<String, ResourceStrategy> byPath = new LinkedHashMap<>();
    private final Map<String, LegacyVersion> legacy = new LinkedHashMap<>();

    public Registry() {
        add(new NamespaceStrategy());
        add(new PodStrategy());
        add(new ServiceStrategy());
        add(new GenericStrategy(ResourceTypes.ENDPOINTS, SimplePrinters.endpoints()));
        add(new GenericStrategy(ResourceTypes.NODES, new NodePrinter()) {
            @Override
            public void prepareForCreate(com.fasterxml.jackson.databind.node.ObjectNode obj) {
                // a kubelet registers its node with its status
            }
        });
        add(new GenericStrategy(ResourceTypes.EVENTS, SimplePrinters.events()));
        add(new GenericStrategy(ResourceTypes.CONFIGMAPS, SimplePrinters.configMaps()));
        add(new GenericStrategy(ResourceTypes.SECRETS, SimplePrinters.secrets()));
        add(new GenericStrategy(ResourceTypes.SERVICE_ACCOUNTS, SimplePrinters.serviceAccounts()));
        add(new GenericStrategy(ResourceTypes.REPLICATION_CONTROLLERS, new ReplicaSetPrinter(true)));
        add(new GenericStrategy(ResourceTypes.DEPLOYMENTS, new DeploymentPrinter()));
        add(new GenericStrategy(ResourceTypes.REPLICA_SETS, new ReplicaSetPrinter(false)));
        add(new GenericStrategy(ResourceTypes.LEASES, SimplePrinters.leases()));
        add(new GenericStrategy(ResourceTypes.ENDPOINT_SLICES, SimplePrinters.endpointSlices()));
        add(new GenericStrategy(ResourceTypes.EVENTS_V1, SimplePrinters.events()));
        add(new GenericStrategy(ResourceTypes.ROLES, SimplePrinters.roles()));
        add(new GenericStrategy(ResourceTypes.CLUSTER_ROLES, SimplePrinters.roles()));
        add(new GenericStrategy(ResourceTypes.ROLE_BINDINGS, SimplePrinters.roleBindings()));
        add(new GenericStrategy(ResourceTypes.CLUSTER_ROLE_BINDINGS, SimplePrinters.roleBindings()));
        for (String gv : List.of("extensions/v1beta1", "apps/v1beta1", "apps/v1beta2")) {
            String[] parts = gv.split("/");
            legacy.put(gv + "/deployments", new LegacyVersion(parts[0], parts[1], ResourceTypes.DEPLOYMENTS));
            if (!gv.equals("apps/v1beta1")) {
                legacy.put(gv + "/replicasets", new LegacyVersion(parts[0], parts[1], ResourceTypes.REPLICA_SETS));
            }
        }
    }

    private void add(ResourceStrategy strategy) {
        ResourceType t = strategy.type();
        byPath.put(t.apiVersion() + "/" + t.plural(), strategy);
    }

    /** The strategy serving {@code group/version/plural}, if any (legacy versions map to apps/v1). */
    public Optional<ResourceStrategy> find(String group, String version, String plural) {
        String gv = group.isEmpty() ? version : group + "/" + version;
        ResourceStrategy s = byPath.get(gv + "/" + plural);
        if (s != null) {
            return Optional.of(s);
        }
        LegacyVersion l = legacy.get(gv + "/" + plural);
        return l == null ? Optional.empty() : Optional.of(byPath.get(l.servedAs().apiVersion() + "/" + l.servedAs().plural()));
    }

    public ResourceStrategy strategy(ResourceType type) {
        return byPath.get(type.apiVersion() + "/" + type.plural());
    }

    public List<ResourceStrategy> all() {
        return List.copyOf(byPath.values());
    }

    public List<LegacyVersion> legacyVersions() {
        return List.copyOf(legacy.values());
    }

    public Optional<LegacyVersion> legacy(String group, String version, String plural) {
        return Optional.ofNullable(legacy.get((group.isEmpty() ? version : group + "/" + version) + "/" + plural));
    }

    /** An old group-version whose objects are converted to {@code servedAs} on the way in. */
    public record LegacyVersion(String group, String version, ResourceType servedAs) {
        public String apiVersion() {
            return group + "/" + version;
        }

        /** Kubernetes' deprecation warning for this version. */
        public String warning() {
            String removedIn = group.equals("extensions") ? "v1.16+" : "v1.16+";
            String deprecatedIn = group.equals("extensions") ? "v1.9+" : "v1.9+";
            return apiVersion() + " " + servedAs.kind() + " is deprecated in " + deprecatedIn + ", unavailable in "
                    + removedIn + "; use apps/v1 " + servedAs.kind();
        }
    }
}
