package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.ForZone;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** discovery.k8s.io/v1 EndpointSlices: addresses of the slice's type, bounded sizes, unique port names. */
final class EndpointSliceValidator implements KindValidator<EndpointSlice> {
    private static final FieldPath METADATA = FieldPath.root("metadata");
    private static final Set<String> ADDRESS_TYPES = new TreeSet<>(List.of("IPv4", "IPv6", "FQDN"));
    private static final int MAX_TOPOLOGY_LABELS = 16;
    private static final int MAX_ADDRESSES = 100;
    private static final int MAX_PORTS = 20000;
    private static final int MAX_ENDPOINTS = 1000;
    private static final int MAX_ZONE_HINTS = 8;

    @Override
    public Class<EndpointSlice> model() {
        return EndpointSlice.class;
    }

    @Override
    public List<FieldError> validate(EndpointSlice slice) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(slice.getMetadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        String type = slice.getAddressType() == null ? "" : slice.getAddressType();
        if (type.isEmpty()) {
            errs.add(Errs.required(FieldPath.root("addressType"), ""));
        } else if (!ADDRESS_TYPES.contains(type)) {
            errs.add(Errs.notSupported(FieldPath.root("addressType"), type, ADDRESS_TYPES));
        }
        errs.addAll(endpoints(slice.getEndpoints(), type, FieldPath.root("endpoints")));
        errs.addAll(ports(slice.getPorts(), FieldPath.root("ports")));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(EndpointSlice n, EndpointSlice o) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(n.getMetadata(), o.getMetadata(), METADATA));
        errs.addAll(validate(n));
        String nt = n.getAddressType() == null ? "" : n.getAddressType();
        if (!nt.equals(o.getAddressType() == null ? "" : o.getAddressType())) {
            errs.add(Errs.immutable(FieldPath.root("addressType"), nt));
        }
        return errs;
    }

    private static List<FieldError> endpoints(List<Endpoint> endpoints, String type, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (endpoints == null) {
            return errs;
        }
        if (endpoints.size() > MAX_ENDPOINTS) {
            errs.add(Errs.tooMany(path, endpoints.size(), MAX_ENDPOINTS));
            return errs;
        }
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint ep = endpoints.get(i);
            FieldPath idx = path.index(i);
            FieldPath addrPath = idx.child("addresses");
            List<String> addresses = ep.getAddresses() == null ? List.of() : ep.getAddresses();
            if (addresses.isEmpty()) {
                errs.add(Errs.required(addrPath, "must contain at least 1 address"));
            } else if (addresses.size() > MAX_ADDRESSES) {
                errs.add(Errs.tooMany(addrPath, addresses.size(), MAX_ADDRESSES));
            }
            for (int a = 0; a < addresses.size(); a++) {
                String addr = addresses.get(a) == null ? "" : addresses.get(a);
                FieldPath p = addrPath.index(a);
                switch (type) {
                    case "IPv4" -> {
                        errs.addAll(IpAddresses.validateIpv4(p, addr));
                        errs.addAll(IpAddresses.validateNonSpecial(p, addr));
                    }
                    case "IPv6" -> {
                        errs.addAll(IpAddresses.validateIpv6(p, addr));
                        errs.addAll(IpAddresses.validateNonSpecial(p, addr));
                    }
                    case "FQDN" -> errs.addAll(fqdn(addr, p));
                    default -> {
                    }
                }
            }
            if (ep.getNodeName() != null) {
                for (String msg : NameValidator.DNS_SUBDOMAIN.check(ep.getNodeName(), false)) {
                    errs.add(Errs.invalid(idx.child("nodeName"), ep.getNodeName(), msg));
                }
            }
            Map<String, String> topology = ep.getDeprecatedTopology();
            if (topology != null && topology.size() > MAX_TOPOLOGY_LABELS) {
                errs.add(Errs.tooMany(idx.child("deprecatedTopology"), topology.size(), MAX_TOPOLOGY_LABELS));
            }
            errs.addAll(LabelValidator.labels(topology, idx.child("deprecatedTopology")));
            if (ep.getHostname() != null) {
                for (String msg : Formats.dns1123Label(ep.getHostname())) {
                    errs.add(Errs.invalid(idx.child("hostname"), ep.getHostname(), msg));
                }
            }
            if (ep.getHints() != null) {
                errs.addAll(hints(ep.getHints().getForZones(), idx.child("hints", "forZones")));
            }
        }
        return errs;
    }

    private static List<FieldError> hints(List<ForZone> zones, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (zones == null) {
            return errs;
        }
        if (zones.size() > MAX_ZONE_HINTS) {
            errs.add(Errs.tooMany(path, zones.size(), MAX_ZONE_HINTS));
            return errs;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < zones.size(); i++) {
            String name = zones.get(i).getName() == null ? "" : zones.get(i).getName();
            FieldPath p = path.index(i).child("name");
            if (!seen.add(name)) {
                errs.add(Errs.duplicate(p, name));
            }
            for (String msg : Formats.labelValue(name)) {
                errs.add(Errs.invalid(p, name, msg));
            }
        }
        return errs;
    }

    /** Kubernetes' IsFullyQualifiedDomainName: a DNS subdomain of at least two labels, optional trailing dot. */
    private static List<FieldError> fqdn(String name, FieldPath path) {
        if (name.isEmpty()) {
            return List.of(Errs.required(path, ""));
        }
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        List<String> msgs = Formats.dns1123Subdomain(n);
        if (!msgs.isEmpty()) {
            return List.of(Errs.invalid(path, n, String.join(",", msgs)));
        }
        String[] labels = n.split("\\.", -1);
        if (labels.length < 2) {
            return List.of(Errs.invalid(path, n, "should be a domain with at least two segments separated by dots"));
        }
        for (String label : labels) {
            List<String> labelMsgs = Formats.dns1123Label(label);
            if (!labelMsgs.isEmpty()) {
                return List.of(Errs.invalid(path, label, String.join(",", labelMsgs)));
            }
        }
        return List.of();
    }

    private static List<FieldError> ports(List<EndpointPort> ports, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (ports == null) {
            return errs;
        }
        if (ports.size() > MAX_PORTS) {
            errs.add(Errs.tooMany(path, ports.size(), MAX_PORTS));
            return errs;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            EndpointPort p = ports.get(i);
            FieldPath idx = path.index(i);
            String name = p.getName() == null ? "" : p.getName();
            if (!name.isEmpty()) {
                for (String msg : Formats.dns1123Label(name)) {
                    errs.add(Errs.invalid(idx.child("name"), name, msg));
                }
            }
            if (!names.add(name)) {
                errs.add(Errs.duplicate(idx.child("name"), name));
            }
            if (p.getProtocol() == null) {
                errs.add(Errs.required(idx.child("protocol"), ""));
            } else if (!ContainerValidator.PROTOCOLS.contains(p.getProtocol())) {
                errs.add(Errs.notSupported(idx.child("protocol"), p.getProtocol(), ContainerValidator.PROTOCOLS));
            }
            if (p.getAppProtocol() != null) {
                for (String msg : Formats.qualifiedName(p.getAppProtocol())) {
                    errs.add(Errs.invalid(idx.child("appProtocol"), p.getAppProtocol(), msg));
                }
            }
        }
        return errs;
    }
}
