package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodDNSConfigOption;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A PodSpec, whether in a Pod or in a workload's template. {@code resourceIsPod} turns on the
 * rules Kubernetes applies only to real pods.
 */
public final class PodSpecValidator {
    private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
    private static final List<String> PREEMPTION_POLICIES = List.of("PreemptLowerPriority", "Never");
    private static final Set<String> OS_NAMES = new TreeSet<>(List.of("linux", "windows"));
    private static final int MAX_DNS_NAMESERVERS = 3;
    private static final int MAX_DNS_SEARCH_PATHS = 32;
    private static final int MAX_DNS_SEARCH_LIST_CHARS = 2048;
    private static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
    private static final String DELETION_COST_ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";
    private static final String SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
    private static final String SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

    private PodSpecValidator() {
    }

    public static List<FieldError> validate(PodSpec spec, ObjectMeta podMeta, FieldPath path, boolean resourceIsPod) {
        PodSpec s = spec == null ? new PodSpec() : spec;
        List<FieldError> errs = new ArrayList<>();
        if (s.getTerminationGracePeriodSeconds() == null) {
            errs.add(Errs.required(path.child("terminationGracePeriodSeconds"), ""));
        }
        Long grace = s.getTerminationGracePeriodSeconds();
        String restartPolicy = nz(s.getRestartPolicy());
        VolumeValidator.Result vols = VolumeValidator.validate(s.getVolumes(), podMeta, path.child("volumes"));
        errs.addAll(vols.errors());
        errs.addAll(ContainerValidator.containers(s.getContainers(), vols.volumes(), grace, restartPolicy, path.child("containers")));
        errs.addAll(ContainerValidator.initContainers(s.getInitContainers(), s.getContainers(), vols.volumes(), grace,
                restartPolicy, path.child("initContainers")));
        errs.addAll(ContainerValidator.ephemeralContainers(s.getEphemeralContainers(), s.getContainers(),
                s.getInitContainers(), vols.volumes(), restartPolicy, path.child("ephemeralContainers")));
        errs.addAll(hostNetworkPorts(s, path, resourceIsPod));
        errs.addAll(oneOf(restartPolicy, RESTART_POLICIES, path.child("restartPolicy")));
        errs.addAll(oneOf(nz(s.getDnsPolicy()), DNS_POLICIES, path.child("dnsPolicy")));
        errs.addAll(LabelValidator.labels(s.getNodeSelector(), path.child("nodeSelector")));
        errs.addAll(SecurityContextValidator.pod(s.getSecurityContext(), path.child("securityContext")));
        if (Boolean.TRUE.equals(s.getShareProcessNamespace()) && Boolean.TRUE.equals(s.getHostPID())) {
            errs.add(Errs.invalid(path.child("securityContext", "shareProcessNamespace"), true,
                    "ShareProcessNamespace and HostPID cannot both be enabled"));
        }
        errs.addAll(SchedulingValidator.affinity(s.getAffinity(), path.child("affinity")));
        errs.addAll(dnsConfig(s.getDnsConfig(), nz(s.getDnsPolicy()), path.child("dnsConfig")));
        errs.addAll(readinessGates(s.getReadinessGates(), path.child("readinessGates")));
        errs.addAll(schedulingGates(s.getSchedulingGates(), path.child("schedulingGates")));
        errs.addAll(SchedulingValidator.topologySpread(s.getTopologySpreadConstraints(), path.child("topologySpreadConstraints")));
        errs.addAll(hostUsers(s, path));
        errs.addAll(subdomainName(s.getServiceAccountName(), path.child("serviceAccountName")));
        errs.addAll(subdomainName(s.getNodeName(), path.child("nodeName")));
        if (s.getActiveDeadlineSeconds() != null) {
            long v = s.getActiveDeadlineSeconds();
            for (String msg : Formats.inRange(v, 1, Integer.MAX_VALUE)) {
                errs.add(Errs.invalid(path.child("activeDeadlineSeconds"), v, msg));
            }
        }
        errs.addAll(labelName(s.getHostname(), path.child("hostname")));
        errs.addAll(labelName(s.getSubdomain(), path.child("subdomain")));
        errs.addAll(SchedulingValidator.tolerations(s.getTolerations(), path.child("tolerations")));
        errs.addAll(hostAliases(s.getHostAliases(), path.child("hostAliases")));
        errs.addAll(subdomainName(s.getPriorityClassName(), path.child("priorityClassName")));
        if (s.getRuntimeClassName() != null) {
            for (String msg : Formats.dns1123Subdomain(s.getRuntimeClassName())) {
                errs.add(Errs.invalid(path.child("runtimeClassName"), s.getRuntimeClassName(), msg));
            }
        }
        if (s.getPreemptionPolicy() != null) {
            errs.addAll(oneOf(s.getPreemptionPolicy(), PREEMPTION_POLICIES, path.child("preemptionPolicy")));
        }
        if (s.getOverhead() != null && !s.getOverhead().isEmpty()) {
            ResourceRequirements overhead = new ResourceRequirements();
            overhead.setLimits(s.getOverhead());
            errs.addAll(ResourceValidator.containerRequirements(overhead, path.child("overhead")));
        }
        if (s.getOs() != null) {
            String os = nz(s.getOs().getName());
            if (os.isEmpty()) {
                errs.add(Errs.required(path.child("os", "name"), "cannot be empty"));
            } else if (!OS_NAMES.contains(os)) {
                errs.add(Errs.notSupported(path.child("os"), os, OS_NAMES));
            }
        }
        return errs;
    }

    /** Metadata rules Kubernetes applies to pods and to pod templates alike. */
    static List<FieldError> podAnnotations(Map<String, String> annotations, PodSpec spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (annotations == null) {
            return errs;
        }
        String mirror = annotations.get(MIRROR_ANNOTATION);
        if (mirror != null && (spec == null || nz(spec.getNodeName()).isEmpty())) {
            errs.add(Errs.invalid(path.key(MIRROR_ANNOTATION), mirror, "must set spec.nodeName if mirror pod annotation is set"));
        }
        String cost = annotations.get(DELETION_COST_ANNOTATION);
        if (cost != null) {
            try {
                Integer.parseInt(cost);
            } catch (NumberFormatException e) {
                errs.add(Errs.invalid(path.key(DELETION_COST_ANNOTATION), cost, "must be a 32bit integer"));
            }
        }
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            if (e.getKey().equals(SECCOMP_POD_ANNOTATION) || e.getKey().startsWith(SECCOMP_CONTAINER_PREFIX)) {
                errs.addAll(seccompAnnotation(e.getValue(), path.child(e.getKey())));
            }
        }
        return errs;
    }

    private static List<FieldError> seccompAnnotation(String profile, FieldPath path) {
        String p = nz(profile);
        if (p.equals("runtime/default") || p.equals("docker/default") || p.equals("unconfined")) {
            return List.of();
        }
        if (p.startsWith("localhost/")) {
            return VolumeValidator.localDescendingPath(p.substring("localhost/".length()), path);
        }
        return List.of(Errs.invalid(path, p, "must be a valid seccomp profile"));
    }

    private static List<FieldError> oneOf(String value, List<String> supported, FieldPath path) {
        if (value.isEmpty()) {
            return List.of(Errs.required(path, ""));
        }
        return supported.contains(value) ? List.of() : List.of(Errs.notSupported(path, value, supported));
    }

    private static List<FieldError> subdomainName(String value, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (value != null && !value.isEmpty()) {
            for (String msg : NameValidator.DNS_SUBDOMAIN.check(value, false)) {
                errs.add(Errs.invalid(path, value, msg));
            }
        }
        return errs;
    }

    private static List<FieldError> labelName(String value, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (value != null && !value.isEmpty()) {
            for (String msg : Formats.dns1123Label(value)) {
                errs.add(Errs.invalid(path, value, msg));
            }
        }
        return errs;
    }

    /**
     * With the host's network the container port is the host port; a template may leave the host
     * port unset since it is defaulted when the pod is created.
     */
    private static List<FieldError> hostNetworkPorts(PodSpec s, FieldPath path, boolean resourceIsPod) {
        List<FieldError> errs = new ArrayList<>();
        if (!Boolean.TRUE.equals(s.getHostNetwork())) {
            return errs;
        }
        List<Container> containers = s.getContainers() == null ? List.of() : s.getContainers();
        for (int i = 0; i < containers.size(); i++) {
            List<ContainerPort> ports = containers.get(i).getPorts() == null ? List.of() : containers.get(i).getPorts();
            for (int j = 0; j < ports.size(); j++) {
                int hp = ports.get(j).getHostPort() == null ? 0 : ports.get(j).getHostPort();
                int cp = ports.get(j).getContainerPort() == null ? 0 : ports.get(j).getContainerPort();
                if ((resourceIsPod || hp != 0) && hp != cp) {
                    errs.add(Errs.invalid(path.child("containers").index(i).child("ports").index(j).child("hostPort"), hp,
                            "must match `containerPort` when `hostNetwork` is true"));
                }
            }
        }
        return errs;
    }

    private static List<FieldError> hostUsers(PodSpec s, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (!Boolean.FALSE.equals(s.getHostUsers())) {
            return errs;
        }
        // Kubernetes' own spelling of these paths, capitals included.
        if (Boolean.TRUE.equals(s.getHostNetwork())) {
            errs.add(Errs.forbidden(path.child("hostNetwork"), "when `pod.Spec.HostUsers` is false"));
        }
        if (Boolean.TRUE.equals(s.getHostPID())) {
            errs.add(Errs.forbidden(path.child("HostPID"), "when `pod.Spec.HostUsers` is false"));
        }
        if (Boolean.TRUE.equals(s.getHostIPC())) {
            errs.add(Errs.forbidden(path.child("HostIPC"), "when `pod.Spec.HostUsers` is false"));
        }
        return errs;
    }

    private static List<FieldError> dnsConfig(PodDNSConfig config, String dnsPolicy, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (dnsPolicy.equals("None")) {
            if (config == null) {
                errs.add(Errs.required(path, "must provide `dnsConfig` when `dnsPolicy` is None"));
                return errs;
            }
            if (config.getNameservers() == null || config.getNameservers().isEmpty()) {
                errs.add(Errs.required(path.child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None"));
                return errs;
            }
        }
        if (config == null) {
            return errs;
        }
        List<String> ns = config.getNameservers() == null ? List.of() : config.getNameservers();
        if (ns.size() > MAX_DNS_NAMESERVERS) {
            errs.add(Errs.invalid(path.child("nameservers"), GoValue.stringSlice(ns), "must not have more than " + MAX_DNS_NAMESERVERS + " nameservers"));
        }
        for (int i = 0; i < ns.size(); i++) {
            errs.addAll(IpAddresses.validateIp(path.child("nameservers").index(i), nz(ns.get(i))));
        }
        List<String> searches = config.getSearches() == null ? List.of() : config.getSearches();
        if (searches.size() > MAX_DNS_SEARCH_PATHS) {
            errs.add(Errs.invalid(path.child("searches"), GoValue.stringSlice(searches), "must not have more than " + MAX_DNS_SEARCH_PATHS + " search paths"));
        }
        if (String.join(" ", searches).length() > MAX_DNS_SEARCH_LIST_CHARS) {
            errs.add(Errs.invalid(path.child("searches"), GoValue.stringSlice(searches),
                    "must not have more than " + MAX_DNS_SEARCH_LIST_CHARS + " characters (including spaces) in the search list"));
        }
        for (int i = 0; i < searches.size(); i++) {
            String search = nz(searches.get(i));
            if (search.endsWith(".")) {
                search = search.substring(0, search.length() - 1);
            }
            for (String msg : Formats.dns1123Subdomain(search)) {
                errs.add(Errs.invalid(path.child("searches").index(i), search, msg));
            }
        }
        List<PodDNSConfigOption> options = config.getOptions() == null ? List.of() : config.getOptions();
        for (int i = 0; i < options.size(); i++) {
            if (nz(options.get(i).getName()).isEmpty()) {
                errs.add(Errs.required(path.child("options").index(i), "must not be empty"));
            }
        }
        return errs;
    }

    private static List<FieldError> readinessGates(List<PodReadinessGate> gates, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; gates != null && i < gates.size(); i++) {
            String type = nz(gates.get(i).getConditionType());
            for (String msg : Formats.qualifiedName(type)) {
                errs.add(Errs.invalid(path.index(i).child("conditionType"), type, msg));
            }
        }
        return errs;
    }

    private static List<FieldError> schedulingGates(List<PodSchedulingGate> gates, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; gates != null && i < gates.size(); i++) {
            String name = nz(gates.get(i).getName());
            for (String msg : Formats.qualifiedName(name)) {
                errs.add(Errs.invalid(path.index(i), name, msg));
            }
            if (!seen.add(name)) {
                errs.add(Errs.duplicate(path.index(i), name));
            }
        }
        return errs;
    }

    private static List<FieldError> hostAliases(List<HostAlias> aliases, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; aliases != null && i < aliases.size(); i++) {
            HostAlias a = aliases.get(i);
            errs.addAll(IpAddresses.validateIp(path.index(i).child("ip"), nz(a.getIp())));
            List<String> hostnames = a.getHostnames() == null ? List.of() : a.getHostnames();
            for (int j = 0; j < hostnames.size(); j++) {
                for (String msg : Formats.dns1123Subdomain(nz(hostnames.get(j)))) {
                    errs.add(Errs.invalid(path.index(i).child("hostnames").index(j), nz(hostnames.get(j)), msg));
                }
            }
        }
        return errs;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
