package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerResizePolicy;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.skiff.api.Json;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Regular, init and ephemeral containers of a pod spec. */
final class ContainerValidator {
    static final Set<String> PROTOCOLS = new TreeSet<>(List.of("TCP", "UDP", "SCTP"));
    private static final Set<String> PULL_POLICIES = new TreeSet<>(List.of("Always", "IfNotPresent", "Never"));
    private static final List<String> TERMINATION_MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
    private static final Set<String> MOUNT_PROPAGATIONS = new TreeSet<>(List.of("Bidirectional", "HostToContainer", "None"));
    private static final Set<String> RESIZE_RESOURCES = new TreeSet<>(List.of("cpu", "memory"));
    private static final Set<String> RESIZE_POLICIES = new TreeSet<>(List.of("NotRequired", "RestartContainer"));

    private ContainerValidator() {
    }

    static List<FieldError> containers(List<Container> containers, Map<String, Volume> volumes, Long gracePeriod,
                                       String podRestartPolicy, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (containers == null || containers.isEmpty()) {
            errs.add(Errs.required(path, ""));
            return errs;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            FieldPath p = path.index(i);
            errs.addAll(common(c, volumes, podRestartPolicy, p));
            String name = nz(c.getName());
            if (!names.add(name)) {
                errs.add(Errs.duplicate(p.child("name"), name));
            }
            if (c.getLifecycle() != null) {
                errs.addAll(ProbeValidator.lifecycle(c.getLifecycle(), gracePeriod, p.child("lifecycle")));
            }
            errs.addAll(ProbeValidator.liveness(c.getLivenessProbe(), gracePeriod, p.child("livenessProbe")));
            errs.addAll(ProbeValidator.readiness(c.getReadinessProbe(), gracePeriod, p.child("readinessProbe")));
            errs.addAll(ProbeValidator.startup(c.getStartupProbe(), gracePeriod, p.child("startupProbe")));
            if (c.getRestartPolicy() != null) {
                errs.add(Errs.forbidden(p.child("restartPolicy"), "may not be set for non-init containers"));
            }
        }
        errs.addAll(hostPortConflicts(containers, path));
        return errs;
    }

    static List<FieldError> initContainers(List<Container> init, List<Container> regular, Map<String, Volume> volumes,
                                           Long gracePeriod, String podRestartPolicy, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Container c : regular == null ? List.<Container>of() : regular) {
            names.add(nz(c.getName()));
        }
        for (int i = 0; init != null && i < init.size(); i++) {
            Container c = init.get(i);
            FieldPath p = path.index(i);
            errs.addAll(common(c, volumes, podRestartPolicy, p));
            boolean sidecar = false;
            if (c.getRestartPolicy() != null) {
                if (!c.getRestartPolicy().equals("Always")) {
                    errs.add(Errs.notSupported(p.child("restartPolicy"), c.getRestartPolicy(), List.of("Always")));
                }
                sidecar = c.getRestartPolicy().equals("Always");
            }
            String name = nz(c.getName());
            if (names.contains(name)) {
                errs.add(Errs.duplicate(p.child("name"), name));
            } else if (!name.isEmpty()) {
                names.add(name);
            }
            // Init containers run one at a time, so host ports only clash within one container.
            errs.addAll(hostPortConflicts(List.of(c), path));
            if (sidecar) {
                if (c.getLifecycle() != null) {
                    errs.addAll(ProbeValidator.lifecycle(c.getLifecycle(), gracePeriod, p.child("lifecycle")));
                }
                errs.addAll(ProbeValidator.liveness(c.getLivenessProbe(), gracePeriod, p.child("livenessProbe")));
                errs.addAll(ProbeValidator.readiness(c.getReadinessProbe(), gracePeriod, p.child("readinessProbe")));
                errs.addAll(ProbeValidator.startup(c.getStartupProbe(), gracePeriod, p.child("startupProbe")));
            } else {
                String msg = "may not be set for init containers without restartPolicy=Always";
                if (c.getLifecycle() != null) {
                    errs.add(Errs.forbidden(p.child("lifecycle"), msg));
                }
                if (c.getLivenessProbe() != null) {
                    errs.add(Errs.forbidden(p.child("livenessProbe"), msg));
                }
                if (c.getReadinessProbe() != null) {
                    errs.add(Errs.forbidden(p.child("readinessProbe"), msg));
                }
                if (c.getStartupProbe() != null) {
                    errs.add(Errs.forbidden(p.child("startupProbe"), msg));
                }
            }
        }
        return errs;
    }

    static List<FieldError> ephemeralContainers(List<EphemeralContainer> ephemeral, List<Container> regular,
                                                List<Container> init, Map<String, Volume> volumes,
                                                String podRestartPolicy, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> others = new HashSet<>();
        for (Container c : regular == null ? List.<Container>of() : regular) {
            others.add(nz(c.getName()));
        }
        for (Container c : init == null ? List.<Container>of() : init) {
            others.add(nz(c.getName()));
        }
        Set<String> all = new HashSet<>(others);
        for (int i = 0; ephemeral != null && i < ephemeral.size(); i++) {
            EphemeralContainer ec = ephemeral.get(i);
            FieldPath p = path.index(i);
            Container asContainer = Json.convert(Json.tree(ec).without("targetContainerName"), Container.class);
            errs.addAll(common(asContainer, volumes, podRestartPolicy, p));
            errs.addAll(imageWhitespace(asContainer, p));
            if (!all.add(nz(ec.getName()))) {
                errs.add(Errs.duplicate(p.child("name"), nz(ec.getName())));
            }
            String target = nz(ec.getTargetContainerName());
            if (!target.isEmpty() && !others.contains(target)) {
                errs.add(Errs.notFound(p.child("targetContainerName"), target));
            }
        }
        return errs;
    }

    /** Pods (not templates) may not pad image names: the runtime would pull a different reference. */
    static List<FieldError> imageWhitespace(Container c, FieldPath path) {
        String image = nz(c.getImage());
        return image.length() != image.strip().length()
                ? List.of(Errs.invalid(path.child("image"), image, "must not have leading or trailing whitespace")) : List.of();
    }

    private static List<FieldError> common(Container c, Map<String, Volume> volumes, String podRestartPolicy, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String name = nz(c.getName());
        if (name.isEmpty()) {
            errs.add(Errs.required(path.child("name"), ""));
        } else {
            for (String msg : Formats.dns1123Label(name)) {
                errs.add(Errs.invalid(path.child("name"), name, msg));
            }
        }
        if (nz(c.getImage()).isEmpty()) {
            errs.add(Errs.required(path.child("image"), ""));
        }
        String tmp = nz(c.getTerminationMessagePolicy());
        if (tmp.isEmpty()) {
            errs.add(Errs.required(path.child("terminationMessagePolicy"), ""));
        } else if (!TERMINATION_MESSAGE_POLICIES.contains(tmp)) {
            errs.add(Errs.notSupported(path.child("terminationMessagePolicy"), tmp, TERMINATION_MESSAGE_POLICIES));
        }
        errs.addAll(ports(c.getPorts(), path.child("ports")));
        errs.addAll(EnvValidator.env(c.getEnv(), path.child("env")));
        errs.addAll(EnvValidator.envFrom(c.getEnvFrom(), path.child("envFrom")));
        errs.addAll(volumeMounts(c, volumes, path.child("volumeMounts")));
        String pull = nz(c.getImagePullPolicy());
        if (pull.isEmpty()) {
            errs.add(Errs.required(path.child("imagePullPolicy"), ""));
        } else if (!PULL_POLICIES.contains(pull)) {
            errs.add(Errs.notSupported(path.child("imagePullPolicy"), pull, PULL_POLICIES));
        }
        errs.addAll(ResourceValidator.containerRequirements(c.getResources(), path.child("resources")));
        errs.addAll(resizePolicy(c.getResizePolicy(), podRestartPolicy, path.child("resizePolicy")));
        errs.addAll(SecurityContextValidator.container(c.getSecurityContext(), path.child("securityContext")));
        return errs;
    }

    private static List<FieldError> ports(List<ContainerPort> ports, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; ports != null && i < ports.size(); i++) {
            ContainerPort port = ports.get(i);
            FieldPath p = path.index(i);
            String name = nz(port.getName());
            if (!name.isEmpty()) {
                List<String> msgs = Formats.portName(name);
                if (!msgs.isEmpty()) {
                    for (String msg : msgs) {
                        errs.add(Errs.invalid(p.child("name"), name, msg));
                    }
                } else if (!names.add(name)) {
                    errs.add(Errs.duplicate(p.child("name"), name));
                }
            }
            int containerPort = port.getContainerPort() == null ? 0 : port.getContainerPort();
            if (containerPort == 0) {
                errs.add(Errs.required(p.child("containerPort"), ""));
            } else {
                for (String msg : Formats.portNumber(containerPort)) {
                    errs.add(Errs.invalid(p.child("containerPort"), containerPort, msg));
                }
            }
            int hostPort = port.getHostPort() == null ? 0 : port.getHostPort();
            if (hostPort != 0) {
                for (String msg : Formats.portNumber(hostPort)) {
                    errs.add(Errs.invalid(p.child("hostPort"), hostPort, msg));
                }
            }
            String protocol = nz(port.getProtocol());
            if (protocol.isEmpty()) {
                errs.add(Errs.required(p.child("protocol"), ""));
            } else if (!PROTOCOLS.contains(protocol)) {
                errs.add(Errs.notSupported(p.child("protocol"), protocol, PROTOCOLS));
            }
        }
        return errs;
    }

    /** Two containers cannot bind the same host port, protocol and host IP. */
    private static List<FieldError> hostPortConflicts(List<Container> containers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int ci = 0; ci < containers.size(); ci++) {
            List<ContainerPort> ports = containers.get(ci).getPorts();
            for (int pi = 0; ports != null && pi < ports.size(); pi++) {
                ContainerPort port = ports.get(pi);
                int hostPort = port.getHostPort() == null ? 0 : port.getHostPort();
                if (hostPort == 0) {
                    continue;
                }
                String key = nz(port.getProtocol()) + "/" + nz(port.getHostIP()) + "/" + hostPort;
                if (!seen.add(key)) {
                    errs.add(Errs.duplicate(path.index(ci).child("ports").index(pi).child("hostPort"), key));
                }
            }
        }
        return errs;
    }

    private static List<FieldError> volumeMounts(Container c, Map<String, Volume> volumes, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> mountPoints = new HashSet<>();
        List<VolumeMount> mounts = c.getVolumeMounts() == null ? List.of() : c.getVolumeMounts();
        boolean privileged = c.getSecurityContext() != null && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged());
        for (int i = 0; i < mounts.size(); i++) {
            VolumeMount m = mounts.get(i);
            FieldPath p = path.index(i);
            String name = nz(m.getName());
            String mountPath = nz(m.getMountPath());
            if (name.isEmpty()) {
                errs.add(Errs.required(p.child("name"), ""));
            }
            if (!volumes.containsKey(name)) {
                errs.add(Errs.notFound(p.child("name"), name));
            }
            if (mountPath.isEmpty()) {
                errs.add(Errs.required(p.child("mountPath"), ""));
            }
            if (!mountPoints.add(mountPath)) {
                errs.add(Errs.invalid(p.child("mountPath"), mountPath, "must be unique"));
            }
            String subPath = nz(m.getSubPath());
            String subPathExpr = nz(m.getSubPathExpr());
            // Kubernetes reports these on the list's path, not the entry's.
            if (!subPath.isEmpty()) {
                errs.addAll(VolumeValidator.localDescendingPath(subPath, path.child("subPath")));
            }
            if (!subPathExpr.isEmpty()) {
                if (!subPath.isEmpty()) {
                    errs.add(Errs.invalid(p.child("subPathExpr"), subPathExpr, "subPathExpr and subPath are mutually exclusive"));
                }
                errs.addAll(VolumeValidator.localDescendingPath(subPathExpr, path.child("subPathExpr")));
            }
            if (m.getMountPropagation() != null) {
                FieldPath mp = path.child("mountPropagation");
                if (!MOUNT_PROPAGATIONS.contains(m.getMountPropagation())) {
                    errs.add(Errs.notSupported(mp, m.getMountPropagation(), MOUNT_PROPAGATIONS));
                }
                if (m.getMountPropagation().equals("Bidirectional") && !privileged) {
                    errs.add(Errs.forbidden(mp, "Bidirectional mount propagation is available only to privileged containers"));
                }
            }
        }
        return errs;
    }

    private static List<FieldError> resizePolicy(List<ContainerResizePolicy> policies, String podRestartPolicy, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; policies != null && i < policies.size(); i++) {
            ContainerResizePolicy p = policies.get(i);
            String resource = nz(p.getResourceName());
            String policy = nz(p.getRestartPolicy());
            if (!seen.add(resource)) {
                errs.add(Errs.duplicate(path.index(i), resource));
            }
            if (resource.isEmpty()) {
                errs.add(Errs.required(path, ""));
            } else if (!RESIZE_RESOURCES.contains(resource)) {
                errs.add(Errs.notSupported(path, resource, RESIZE_RESOURCES));
            }
            if (policy.isEmpty()) {
                errs.add(Errs.required(path, ""));
            } else if (!RESIZE_POLICIES.contains(policy)) {
                errs.add(Errs.notSupported(path, policy, RESIZE_POLICIES));
            }
            if ("Never".equals(podRestartPolicy) && !policy.equals("NotRequired")) {
                errs.add(Errs.invalid(path, policy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
            }
        }
        return errs;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
