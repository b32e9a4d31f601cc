package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Nodes: cluster-scoped, taints, resource amounts, pod CIDRs fixed once assigned. */
final class NodeValidator implements KindValidator<Node> {
    private static final FieldPath METADATA = FieldPath.root("metadata");

    @Override
    public Class<Node> model() {
        return Node.class;
    }

    @Override
    public List<FieldError> validate(Node node) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(node.getMetadata(), false, NameValidator.DNS_SUBDOMAIN, METADATA));
        NodeSpec spec = node.getSpec() == null ? new NodeSpec() : node.getSpec();
        errs.addAll(taints(spec.getTaints()));
        errs.addAll(resources(node.getStatus()));
        List<String> cidrs = spec.getPodCIDRs() == null ? List.of() : spec.getPodCIDRs();
        FieldPath cidrPath = FieldPath.root("spec").child("podCIDRs");
        for (int i = 0; i < cidrs.size(); i++) {
            errs.addAll(IpAddresses.validateCidr(cidrPath.index(i), cidrs.get(i) == null ? "" : cidrs.get(i)));
        }
        if (cidrs.size() > 1) {
            boolean dualStack = cidrs.size() == 2 && IpAddresses.isValidCidr(cidrs.get(0)) && IpAddresses.isValidCidr(cidrs.get(1))
                    && isV6Cidr(cidrs.get(0)) != isV6Cidr(cidrs.get(1));
            if (!dualStack) {
                errs.add(Errs.invalid(cidrPath, GoValue.stringSlice(cidrs), "may specify no more than one CIDR for each IP family"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < cidrs.size(); i++) {
                if (!seen.add(cidrs.get(i))) {
                    errs.add(Errs.duplicate(cidrPath.index(i), cidrs.get(i)));
                }
            }
        }
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(Node n, Node o) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(n.getMetadata(), o.getMetadata(), METADATA));
        errs.addAll(resources(n.getStatus()));
        List<NodeAddress> addresses = n.getStatus() == null || n.getStatus().getAddresses() == null ? List.of() : n.getStatus().getAddresses();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < addresses.size(); i++) {
            NodeAddress a = addresses.get(i);
            if (!seen.add(a.getType() + "\u0000" + a.getAddress())) {
                errs.add(Errs.duplicate(FieldPath.root("status").child("addresses").index(i),
                        GoValue.struct("core.NodeAddress", "Type", nz(a.getType()), "Address", nz(a.getAddress()))));
            }
        }
        NodeSpec ns = n.getSpec() == null ? new NodeSpec() : n.getSpec();
        NodeSpec os = o.getSpec() == null ? new NodeSpec() : o.getSpec();
        List<String> oldCidrs = os.getPodCIDRs() == null ? List.of() : os.getPodCIDRs();
        List<String> newCidrs = ns.getPodCIDRs() == null ? List.of() : ns.getPodCIDRs();
        // The node IPAM controller assigns pod CIDRs once; changing them would strand running pods.
        if (!oldCidrs.isEmpty()) {
            String msg = "node updates may not change podCIDR except from \"\" to valid";
            if (oldCidrs.size() != newCidrs.size()) {
                errs.add(Errs.forbidden(FieldPath.root("spec").child("podCIDRs"), msg));
            } else {
                for (int i = 0; i < oldCidrs.size(); i++) {
                    if (!Objects.equals(oldCidrs.get(i), newCidrs.get(i))) {
                        errs.add(Errs.forbidden(FieldPath.root("spec").child("podCIDRs"), msg));
                    }
                }
            }
        }
        if (!nz(os.getProviderID()).isEmpty() && !nz(os.getProviderID()).equals(nz(ns.getProviderID()))) {
            errs.add(Errs.forbidden(FieldPath.root("spec").child("providerID"), "node updates may not change providerID except from \"\" to valid"));
        }
        errs.addAll(taints(ns.getTaints()));
        if (!nz(ns.getExternalID()).equals(nz(os.getExternalID()))) {
            errs.add(Errs.forbidden(FieldPath.root("spec").child("externalID"), "may not be updated"));
        }
        return errs;
    }

    /** Taints; Kubernetes reports them under metadata.taints, and so does Skiff. */
    private static List<FieldError> taints(List<Taint> taints) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath path = METADATA.child("taints");
        Set<String> unique = new HashSet<>();
        for (int i = 0; taints != null && i < taints.size(); i++) {
            Taint t = taints.get(i);
            FieldPath p = path.index(i);
            errs.addAll(LabelValidator.labelName(nz(t.getKey()), p.child("key")));
            List<String> valueErrs = Formats.labelValue(nz(t.getValue()));
            if (!valueErrs.isEmpty()) {
                errs.add(Errs.invalid(p.child("value"), nz(t.getValue()), String.join(";", valueErrs)));
            }
            if (nz(t.getEffect()).isEmpty()) {
                errs.add(Errs.required(p.child("effect"), ""));
            } else {
                errs.addAll(SchedulingValidator.taintEffect(t.getEffect(), p.child("effect")));
            }
            if (!unique.add(nz(t.getEffect()) + "\u0000" + nz(t.getKey()))) {
                errs.add(Errs.duplicate(p, GoValue.struct("core.Taint", "Key", nz(t.getKey()), "Value", nz(t.getValue()),
                        "Effect", nz(t.getEffect()), "TimeAdded", GoValue.literal("<nil>")), "taints must be unique by key and effect pair"));
            }
        }
        return errs;
    }

    private static List<FieldError> resources(NodeStatus status) {
        List<FieldError> errs = new ArrayList<>();
        if (status == null) {
            return errs;
        }
        errs.addAll(amounts(status.getCapacity(), FieldPath.root("status").child("capacity")));
        errs.addAll(amounts(status.getAllocatable(), FieldPath.root("status").child("allocatable")));
        return errs;
    }

    private static List<FieldError> amounts(Map<String, Quantity> amounts, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (amounts != null) {
            amounts.forEach((name, q) -> errs.addAll(ResourceValidator.quantityValue(name, q, path.child(name))));
        }
        return errs;
    }

    private static boolean isV6Cidr(String cidr) {
        return IpAddresses.isV6(cidr.substring(0, cidr.indexOf('/')));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
