package io.skiff.api.defaults;

import io.fabric8.kubernetes.api.model.ClientIPConfig;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.SessionAffinityConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Service defaults, including the ones Kubernetes' service storage sets before validation:
 * clusterIP and clusterIPs kept in step, and the single-stack IP family of a Skiff cluster.
 * Allocating the cluster IP and node ports stays with the API server.
 */
final class ServiceDefaults {
    static final int CLIENT_IP_AFFINITY_SECONDS = 10800;

    private ServiceDefaults() {
    }

    static void apply(Service svc) {
        if (svc.getSpec() == null) {
            svc.setSpec(new ServiceSpec());
        }
        ServiceSpec spec = svc.getSpec();
        if (ContainerDefaults.isEmpty(spec.getSessionAffinity())) {
            spec.setSessionAffinity("None");
        }
        if (spec.getSessionAffinity().equals("None")) {
            spec.setSessionAffinityConfig(null);
        } else if (spec.getSessionAffinity().equals("ClientIP")) {
            SessionAffinityConfig config = spec.getSessionAffinityConfig();
            if (config == null || config.getClientIP() == null || config.getClientIP().getTimeoutSeconds() == null) {
                spec.setSessionAffinityConfig(new SessionAffinityConfig(new ClientIPConfig(CLIENT_IP_AFFINITY_SECONDS)));
            }
        }
        if (ContainerDefaults.isEmpty(spec.getType())) {
            spec.setType("ClusterIP");
        }
        for (ServicePort p : PodSpecDefaults.list(spec.getPorts())) {
            if (ContainerDefaults.isEmpty(p.getProtocol())) {
                p.setProtocol("TCP");
            }
            IntOrString target = p.getTargetPort();
            boolean unset = target == null || target.getValue() == null
                    || target.getIntVal() != null && target.getIntVal() == 0
                    || target.getStrVal() != null && target.getStrVal().isEmpty();
            if (unset) {
                p.setTargetPort(new IntOrString(p.getPort()));
            }
        }
        String type = spec.getType();
        boolean external = type.equals("NodePort") || type.equals("LoadBalancer")
                || type.equals("ClusterIP") && spec.getExternalIPs() != null && !spec.getExternalIPs().isEmpty();
        if (external && ContainerDefaults.isEmpty(spec.getExternalTrafficPolicy())) {
            spec.setExternalTrafficPolicy("Cluster");
        }
        if (spec.getInternalTrafficPolicy() == null
                && (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP"))) {
            spec.setInternalTrafficPolicy("Cluster");
        }
        if (type.equals("LoadBalancer")) {
            if (spec.getAllocateLoadBalancerNodePorts() == null) {
                spec.setAllocateLoadBalancerNodePorts(true);
            }
            if (svc.getStatus() != null && svc.getStatus().getLoadBalancer() != null) {
                for (LoadBalancerIngress ing : PodSpecDefaults.list(svc.getStatus().getLoadBalancer().getIngress())) {
                    if (!ContainerDefaults.isEmpty(ing.getIp()) && ing.getIpMode() == null) {
                        ing.setIpMode("VIP");
                    }
                }
            }
        }
        if (!type.equals("ExternalName")) {
            clusterIps(spec);
            ipFamilies(spec);
        }
    }

    /** clusterIP is the first of clusterIPs; a client may set either. */
    private static void clusterIps(ServiceSpec spec) {
        List<String> ips = spec.getClusterIPs() == null ? List.of() : spec.getClusterIPs();
        if (!ContainerDefaults.isEmpty(spec.getClusterIP()) && ips.isEmpty()) {
            spec.setClusterIPs(new ArrayList<>(List.of(spec.getClusterIP())));
        } else if (ContainerDefaults.isEmpty(spec.getClusterIP()) && !ips.isEmpty()) {
            spec.setClusterIP(ips.get(0));
        }
    }

    /** Skiff's service network is single-stack; the family follows a given cluster IP, IPv4 otherwise. */
    private static void ipFamilies(ServiceSpec spec) {
        if (spec.getIpFamilyPolicy() == null) {
            spec.setIpFamilyPolicy("SingleStack");
        }
        if (spec.getIpFamilies() == null || spec.getIpFamilies().isEmpty()) {
            String ip = spec.getClusterIP();
            boolean v6 = ip != null && ip.contains(":");
            spec.setIpFamilies(new ArrayList<>(List.of(v6 ? "IPv6" : "IPv4")));
        }
    }
}
