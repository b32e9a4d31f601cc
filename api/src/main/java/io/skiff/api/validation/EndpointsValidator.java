package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/** core/v1 Endpoints: real backend IPs and well-formed ports in every subset. */
final class EndpointsValidator implements KindValidator<Endpoints> {
    private static final FieldPath METADATA = FieldPath.root("metadata");

    @Override
    public Class<Endpoints> model() {
        return Endpoints.class;
    }

    @Override
    public List<FieldError> validate(Endpoints ep) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(ep.getMetadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        List<EndpointSubset> subsets = ep.getSubsets() == null ? List.of() : ep.getSubsets();
        for (int i = 0; i < subsets.size(); i++) {
            errs.addAll(subset(subsets.get(i), FieldPath.root("subsets").index(i)));
        }
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(Endpoints n, Endpoints o) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(n.getMetadata(), o.getMetadata(), METADATA));
        errs.addAll(validate(n));
        return errs;
    }

    private static List<FieldError> subset(EndpointSubset ss, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<EndpointAddress> ready = ss.getAddresses() == null ? List.of() : ss.getAddresses();
        List<EndpointAddress> notReady = ss.getNotReadyAddresses() == null ? List.of() : ss.getNotReadyAddresses();
        if (ready.isEmpty() && notReady.isEmpty()) {
            errs.add(Errs.required(path, "must specify `addresses` or `notReadyAddresses`"));
        }
        for (int i = 0; i < ready.size(); i++) {
            errs.addAll(address(ready.get(i), path.child("addresses").index(i)));
        }
        for (int i = 0; i < notReady.size(); i++) {
            errs.addAll(address(notReady.get(i), path.child("notReadyAddresses").index(i)));
        }
        List<EndpointPort> ports = ss.getPorts() == null ? List.of() : ss.getPorts();
        for (int i = 0; i < ports.size(); i++) {
            errs.addAll(port(ports.get(i), ports.size() > 1, path.child("ports").index(i)));
        }
        return errs;
    }

    private static List<FieldError> address(EndpointAddress a, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String ip = a.getIp() == null ? "" : a.getIp();
        errs.addAll(IpAddresses.validateIp(path.child("ip"), ip));
        if (a.getHostname() != null && !a.getHostname().isEmpty()) {
            for (String msg : Formats.dns1123Label(a.getHostname())) {
                errs.add(Errs.invalid(path.child("hostname"), a.getHostname(), msg));
            }
        }
        if (a.getNodeName() != null) {
            for (String msg : NameValidator.DNS_SUBDOMAIN.check(a.getNodeName(), false)) {
                errs.add(Errs.invalid(path.child("nodeName"), a.getNodeName(), msg));
            }
        }
        errs.addAll(IpAddresses.validateNonSpecial(path.child("ip"), ip));
        return errs;
    }

    private static List<FieldError> port(EndpointPort p, boolean requireName, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String name = p.getName() == null ? "" : p.getName();
        if (requireName && name.isEmpty()) {
            errs.add(Errs.required(path.child("name"), ""));
        } else if (!name.isEmpty()) {
            for (String msg : Formats.dns1123Label(name)) {
                errs.add(Errs.invalid(path.child("name"), name, msg));
            }
        }
        int port = p.getPort() == null ? 0 : p.getPort();
        for (String msg : Formats.portNumber(port)) {
            errs.add(Errs.invalid(path.child("port"), port, msg));
        }
        String protocol = p.getProtocol() == null ? "" : p.getProtocol();
        if (protocol.isEmpty()) {
            errs.add(Errs.required(path.child("protocol"), ""));
        } else if (!ContainerValidator.PROTOCOLS.contains(protocol)) {
            errs.add(Errs.notSupported(path.child("protocol"), protocol, ContainerValidator.PROTOCOLS));
        }
        if (p.getAppProtocol() != null) {
            for (String msg : Formats.qualifiedName(p.getAppProtocol())) {
                errs.add(Errs.invalid(path.child("appProtocol"), p.getAppProtocol(), msg));
            }
        }
        return errs;
    }
}
