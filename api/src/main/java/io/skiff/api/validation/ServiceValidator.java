package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.SessionAffinityConfig;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Services: ports, type, selector, session affinity, traffic policies; cluster IPs are checked by {@link ClusterIpValidator}. */
final class ServiceValidator implements KindValidator<Service> {
    private static final FieldPath METADATA = FieldPath.root("metadata");
    private static final FieldPath SPEC = FieldPath.root("spec");
    private static final Set<String> TYPES = new TreeSet<>(List.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName"));
    private static final Set<String> AFFINITIES = new TreeSet<>(List.of("ClientIP", "None"));
    private static final Set<String> TRAFFIC_POLICIES = new TreeSet<>(List.of("Cluster", "Local"));
    private static final int MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
    private static final String TOPOLOGY_MODE = "service.kubernetes.io/topology-mode";
    private static final String TOPOLOGY_HINTS = "service.kubernetes.io/topology-aware-hints";
    private static final String SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";

    @Override
    public Class<Service> model() {
        return Service.class;
    }

    @Override
    public List<FieldError> validate(Service svc) {
        ObjectMeta meta = svc.getMetadata() == null ? new ObjectMeta() : svc.getMetadata();
        ServiceSpec spec = spec(svc);
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(meta, true, NameValidator.DNS1035_LABEL, METADATA));
        Map<String, String> annotations = meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
        if (annotations.containsKey(TOPOLOGY_MODE) && annotations.containsKey(TOPOLOGY_HINTS)
                && !annotations.get(TOPOLOGY_MODE).equals(annotations.get(TOPOLOGY_HINTS))) {
            errs.add(Errs.invalid(METADATA.child("annotations").key(TOPOLOGY_MODE), annotations.get(TOPOLOGY_MODE),
                    "must match annotations[" + TOPOLOGY_HINTS + "] when both are specified"));
        }
        String type = nz(spec.getType());
        List<ServicePort> ports = spec.getPorts() == null ? List.of() : spec.getPorts();
        boolean headless = ClusterIpValidator.isHeadless(spec);
        if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
            errs.add(Errs.required(SPEC.child("ports"), ""));
        }
        switch (type) {
            case "LoadBalancer", "NodePort" -> {
                if (headless) {
                    errs.add(Errs.invalid(SPEC.child("clusterIPs").index(0), spec.getClusterIPs().get(0),
                            "may not be set to 'None' for " + type + " services"));
                }
            }
            case "ExternalName" -> errs.addAll(externalName(spec));
            default -> {
            }
        }
        Set<String> portNames = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            errs.addAll(port(ports.get(i), ports.size() > 1, portNames, SPEC.child("ports").index(i)));
        }
        if (spec.getSelector() != null) {
            errs.addAll(LabelValidator.labels(spec.getSelector(), SPEC.child("selector")));
        }
        errs.addAll(sessionAffinity(spec));
        errs.addAll(ClusterIpValidator.relatedFields(spec));
        List<String> externalIps = spec.getExternalIPs() == null ? List.of() : spec.getExternalIPs();
        for (int i = 0; i < externalIps.size(); i++) {
            FieldPath p = SPEC.child("externalIPs").index(i);
            List<FieldError> ipErrs = IpAddresses.validateIp(p, nz(externalIps.get(i)));
            errs.addAll(ipErrs.isEmpty() ? IpAddresses.validateNonSpecial(p, externalIps.get(i)) : ipErrs);
        }
        if (type.isEmpty()) {
            errs.add(Errs.required(SPEC.child("type"), ""));
        } else if (!TYPES.contains(type)) {
            errs.add(Errs.notSupported(SPEC.child("type"), type, TYPES));
        }
        if (type.equals("ClusterIP")) {
            for (int i = 0; i < ports.size(); i++) {
                if (nodePort(ports.get(i)) != 0) {
                    errs.add(Errs.forbidden(SPEC.child("ports").index(i).child("nodePort"), "may not be used when `type` is 'ClusterIP'"));
                }
            }
        }
        errs.addAll(duplicatePorts(ports));
        errs.addAll(loadBalancerFields(spec, annotations, type));
        errs.addAll(trafficPolicies(spec, type));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(Service newSvc, Service oldSvc) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(newSvc.getMetadata(), oldSvc.getMetadata(), METADATA));
        ServiceSpec n = spec(newSvc);
        ServiceSpec o = spec(oldSvc);
        errs.addAll(ClusterIpValidator.update(n, o));
        if ("LoadBalancer".equals(o.getType()) && "LoadBalancer".equals(n.getType())
                && !Objects.equals(n.getLoadBalancerClass(), o.getLoadBalancerClass())) {
            errs.add(Errs.invalid(SPEC.child("loadBalancerClass"), n.getLoadBalancerClass(), "may not change once set"));
        }
        if (needsHealthCheck(o) && needsHealthCheck(n) && !Objects.equals(n.getHealthCheckNodePort(), o.getHealthCheckNodePort())) {
            errs.add(Errs.forbidden(SPEC.child("healthCheckNodePort"), "field is immutable"));
        }
        errs.addAll(validate(newSvc));
        return errs;
    }

    private static List<FieldError> externalName(ServiceSpec spec) {
        List<FieldError> errs = new ArrayList<>();
        if (spec.getClusterIPs() != null && !spec.getClusterIPs().isEmpty()) {
            errs.add(Errs.forbidden(SPEC.child("clusterIPs"), "may not be set for ExternalName services"));
        }
        if (spec.getIpFamilies() != null && !spec.getIpFamilies().isEmpty()) {
            errs.add(Errs.forbidden(SPEC.child("ipFamilies"), "may not be set for ExternalName services"));
        }
        if (spec.getIpFamilyPolicy() != null) {
            errs.add(Errs.forbidden(SPEC.child("ipFamilyPolicy"), "may not be set for ExternalName services"));
        }
        // The name is a CNAME target, which may carry a trailing dot.
        String cname = nz(spec.getExternalName());
        if (cname.endsWith(".")) {
            cname = cname.substring(0, cname.length() - 1);
        }
        if (cname.isEmpty()) {
            errs.add(Errs.required(SPEC.child("externalName"), ""));
        } else {
            for (String msg : Formats.dns1123Subdomain(cname)) {
                errs.add(Errs.invalid(SPEC.child("externalName"), cname, msg));
            }
        }
        return errs;
    }

    private static List<FieldError> port(ServicePort sp, boolean requireName, Set<String> names, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String name = nz(sp.getName());
        if (requireName && name.isEmpty()) {
            errs.add(Errs.required(path.child("name"), ""));
        } else if (!name.isEmpty()) {
            for (String msg : Formats.dns1123Label(name)) {
                errs.add(Errs.invalid(path.child("name"), name, msg));
            }
            if (!names.add(name)) {
                errs.add(Errs.duplicate(path.child("name"), name));
            }
        }
        int port = sp.getPort() == null ? 0 : sp.getPort();
        for (String msg : Formats.portNumber(port)) {
            errs.add(Errs.invalid(path.child("port"), port, msg));
        }
        String protocol = nz(sp.getProtocol());
        if (protocol.isEmpty()) {
            errs.add(Errs.required(path.child("protocol"), ""));
        } else if (!ContainerValidator.PROTOCOLS.contains(protocol)) {
            errs.add(Errs.notSupported(path.child("protocol"), protocol, ContainerValidator.PROTOCOLS));
        }
        errs.addAll(ProbeValidator.portNumOrName(sp.getTargetPort(), path.child("targetPort")));
        if (sp.getAppProtocol() != null) {
            for (String msg : Formats.qualifiedName(sp.getAppProtocol())) {
                errs.add(Errs.invalid(path.child("appProtocol"), sp.getAppProtocol(), msg));
            }
        }
        // Which node ports are free is the allocator's business; the number itself must be a port.
        int nodePort = nodePort(sp);
        for (String msg : Formats.inRange(nodePort, 0, 65535)) {
            errs.add(Errs.invalid(path.child("nodePort"), nodePort, msg));
        }
        return errs;
    }

    private static List<FieldError> duplicatePorts(List<ServicePort> ports) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> nodePorts = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ServicePort p = ports.get(i);
            if (nodePort(p) != 0 && !nodePorts.add(nz(p.getProtocol()) + "/" + nodePort(p))) {
                errs.add(Errs.duplicate(SPEC.child("ports").index(i).child("nodePort"), nodePort(p)));
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ServicePort p = ports.get(i);
            int port = p.getPort() == null ? 0 : p.getPort();
            if (!seen.add(nz(p.getProtocol()) + "/" + port)) {
                // Kubernetes prints the (protocol, port) key it compared, as a Go struct.
                errs.add(Errs.duplicate(SPEC.child("ports").index(i), GoValue.struct("core.ServicePort",
                        "Name", "", "Protocol", nz(p.getProtocol()), "AppProtocol", GoValue.literal("(*string)(nil)"),
                        "Port", port, "TargetPort", GoValue.literal("intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}"),
                        "NodePort", 0)));
            }
        }
        return errs;
    }

    private static List<FieldError> sessionAffinity(ServiceSpec spec) {
        List<FieldError> errs = new ArrayList<>();
        String affinity = nz(spec.getSessionAffinity());
        FieldPath configPath = SPEC.child("sessionAffinityConfig");
        if (affinity.isEmpty()) {
            errs.add(Errs.required(SPEC.child("sessionAffinity"), ""));
        } else if (!AFFINITIES.contains(affinity)) {
            errs.add(Errs.notSupported(SPEC.child("sessionAffinity"), affinity, AFFINITIES));
        }
        if (affinity.equals("ClientIP")) {
            SessionAffinityConfig config = spec.getSessionAffinityConfig();
            String when = "when session affinity type is ClientIP";
            if (config == null) {
                errs.add(Errs.required(configPath, when));
            } else if (config.getClientIP() == null) {
                errs.add(Errs.required(configPath.child("clientIP"), when));
            } else if (config.getClientIP().getTimeoutSeconds() == null) {
                errs.add(Errs.required(configPath.child("clientIP", "timeoutSeconds"), when));
            } else {
                int timeout = config.getClientIP().getTimeoutSeconds();
                if (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
                    errs.add(Errs.invalid(configPath.child("clientIP", "timeoutSeconds"), timeout,
                            "must be greater than 0 and less than " + MAX_CLIENT_IP_AFFINITY_SECONDS));
                }
            }
        } else if (affinity.equals("None") && spec.getSessionAffinityConfig() != null) {
            errs.add(Errs.forbidden(configPath, "must not be set when session affinity is None"));
        }
        return errs;
    }

    private static List<FieldError> loadBalancerFields(ServiceSpec spec, Map<String, String> annotations, String type) {
        List<FieldError> errs = new ArrayList<>();
        boolean lb = type.equals("LoadBalancer");
        List<String> ranges = spec.getLoadBalancerSourceRanges() == null ? List.of() : spec.getLoadBalancerSourceRanges();
        if (!ranges.isEmpty()) {
            // Kubernetes' own capitalisation of this path.
            FieldPath p = SPEC.child("LoadBalancerSourceRanges");
            if (!lb) {
                errs.add(Errs.forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
            }
            for (int i = 0; i < ranges.size(); i++) {
                errs.addAll(IpAddresses.validateCidr(p.index(i), nz(ranges.get(i)).strip()));
            }
        } else if (annotations.containsKey(SOURCE_RANGES_ANNOTATION)) {
            FieldPath p = METADATA.child("annotations").key(SOURCE_RANGES_ANNOTATION);
            if (!lb) {
                errs.add(Errs.forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
            }
            String val = annotations.get(SOURCE_RANGES_ANNOTATION).strip();
            if (!val.isEmpty()) {
                for (String cidr : val.split(",")) {
                    errs.addAll(IpAddresses.validateCidr(p, cidr.strip()));
                }
            }
        }
        if (spec.getAllocateLoadBalancerNodePorts() != null && !lb) {
            errs.add(Errs.forbidden(SPEC.child("allocateLoadBalancerNodePorts"), "may only be used when `type` is 'LoadBalancer'"));
        }
        if (lb && spec.getAllocateLoadBalancerNodePorts() == null) {
            // Kubernetes reports this one without the spec prefix.
            errs.add(Errs.required(FieldPath.root("allocateLoadBalancerNodePorts"), ""));
        }
        if (spec.getLoadBalancerClass() != null) {
            if (lb) {
                for (String msg : Formats.qualifiedName(spec.getLoadBalancerClass())) {
                    errs.add(Errs.invalid(SPEC.child("loadBalancerClass"), spec.getLoadBalancerClass(), msg));
                }
            } else {
                errs.add(Errs.forbidden(SPEC.child("loadBalancerClass"), "may only be used when `type` is 'LoadBalancer'"));
            }
        }
        return errs;
    }

    private static List<FieldError> trafficPolicies(ServiceSpec spec, String type) {
        List<FieldError> errs = new ArrayList<>();
        String etp = nz(spec.getExternalTrafficPolicy());
        if (!externallyAccessible(spec)) {
            if (!etp.isEmpty()) {
                errs.add(Errs.invalid(SPEC.child("externalTrafficPolicy"), etp, "may only be set for externally-accessible services"));
            }
        } else if (etp.isEmpty()) {
            errs.add(Errs.required(SPEC.child("externalTrafficPolicy"), ""));
        } else if (!TRAFFIC_POLICIES.contains(etp)) {
            errs.add(Errs.notSupported(SPEC.child("externalTrafficPolicy"), etp, TRAFFIC_POLICIES));
        }
        int hc = spec.getHealthCheckNodePort() == null ? 0 : spec.getHealthCheckNodePort();
        if (!needsHealthCheck(spec)) {
            if (hc != 0) {
                errs.add(Errs.invalid(SPEC.child("healthCheckNodePort"), hc,
                        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
            }
        } else if (hc == 0) {
            errs.add(Errs.required(SPEC.child("healthCheckNodePort"), ""));
        } else {
            for (String msg : Formats.portNumber(hc)) {
                errs.add(Errs.invalid(SPEC.child("healthCheckNodePort"), hc, msg));
            }
        }
        String itp = spec.getInternalTrafficPolicy();
        if (itp == null) {
            if (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP")) {
                errs.add(Errs.required(SPEC.child("internalTrafficPolicy"), ""));
            }
        } else if (!TRAFFIC_POLICIES.contains(itp)) {
            errs.add(Errs.notSupported(SPEC.child("internalTrafficPolicy"), itp, TRAFFIC_POLICIES));
        }
        if (spec.getTrafficDistribution() != null && !spec.getTrafficDistribution().equals("PreferClose")) {
            errs.add(Errs.notSupported(SPEC.child("trafficDistribution"), spec.getTrafficDistribution(), List.of("PreferClose")));
        }
        return errs;
    }

    /** Reachable from outside the cluster: node ports, load balancers, or external IPs. */
    static boolean externallyAccessible(ServiceSpec spec) {
        String type = nz(spec.getType());
        return type.equals("LoadBalancer") || type.equals("NodePort")
                || type.equals("ClusterIP") && spec.getExternalIPs() != null && !spec.getExternalIPs().isEmpty();
    }

    private static boolean needsHealthCheck(ServiceSpec spec) {
        return "LoadBalancer".equals(spec.getType()) && "Local".equals(spec.getExternalTrafficPolicy());
    }

    private static int nodePort(ServicePort p) {
        return p.getNodePort() == null ? 0 : p.getNodePort();
    }

    private static ServiceSpec spec(Service svc) {
        return svc.getSpec() == null ? new ServiceSpec() : svc.getSpec();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
