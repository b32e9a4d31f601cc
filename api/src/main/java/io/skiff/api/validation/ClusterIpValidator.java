package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A Service's clusterIP, clusterIPs, ipFamilies and ipFamilyPolicy, and how they may change. */
final class ClusterIpValidator {
    private static final FieldPath SPEC = FieldPath.root("spec");
    private static final FieldPath CLUSTER_IPS = SPEC.child("clusterIPs");
    private static final Set<String> FAMILIES = new TreeSet<>(List.of("IPv4", "IPv6"));
    private static final Set<String> FAMILY_POLICIES = new TreeSet<>(List.of("SingleStack", "PreferDualStack", "RequireDualStack"));

    private ClusterIpValidator() {
    }

    static boolean isHeadless(ServiceSpec spec) {
        return spec.getClusterIPs() != null && spec.getClusterIPs().size() == 1 && "None".equals(spec.getClusterIPs().get(0));
    }

    static List<FieldError> relatedFields(ServiceSpec spec) {
        List<FieldError> errs = new ArrayList<>();
        if ("ExternalName".equals(spec.getType())) {
            return errs;
        }
        List<String> ips = spec.getClusterIPs() == null ? List.of() : spec.getClusterIPs();
        String clusterIp = spec.getClusterIP() == null ? "" : spec.getClusterIP();
        if (!clusterIp.isEmpty()) {
            if (ips.isEmpty()) {
                errs.add(Errs.required(CLUSTER_IPS, ""));
            } else if (!ips.get(0).equals(clusterIp)) {
                errs.add(Errs.invalid(CLUSTER_IPS, GoValue.stringSlice(ips), "first value must match `clusterIP`"));
            }
        } else if (!ips.isEmpty()) {
            errs.add(Errs.invalid(CLUSTER_IPS, GoValue.stringSlice(ips), "must be empty when `clusterIP` is not specified"));
        }
        List<String> families = spec.getIpFamilies() == null ? List.of() : spec.getIpFamilies();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < families.size(); i++) {
            String f = families.get(i) == null ? "" : families.get(i);
            if (!FAMILIES.contains(f)) {
                errs.add(Errs.notSupported(SPEC.child("ipFamilies").index(i), f, FAMILIES));
            }
            if (!seen.add(f)) {
                errs.add(Errs.duplicate(SPEC.child("ipFamilies").index(i), f));
            }
        }
        if (spec.getIpFamilyPolicy() != null && !FAMILY_POLICIES.contains(spec.getIpFamilyPolicy())) {
            errs.add(Errs.notSupported(SPEC.child("ipFamilyPolicy"), spec.getIpFamilyPolicy(), FAMILY_POLICIES));
        }
        boolean invalidIps = false;
        for (int i = 0; i < ips.size(); i++) {
            String ip = ips.get(i) == null ? "" : ips.get(i);
            if (i == 0 && ip.equals("None")) {
                if (ips.size() > 1) {
                    invalidIps = true;
                    errs.add(Errs.invalid(CLUSTER_IPS, GoValue.stringSlice(ips), "'None' must be the first and only value"));
                }
                continue;
            }
            List<FieldError> ipErrs = IpAddresses.validateIp(CLUSTER_IPS.index(i), ip);
            invalidIps |= !ipErrs.isEmpty();
            errs.addAll(ipErrs);
        }
        if (ips.size() > 2) {
            errs.add(Errs.invalid(CLUSTER_IPS, GoValue.stringSlice(ips), "may only hold up to 2 values"));
        }
        if (invalidIps) {
            // Further checks would only report consequences of the bad addresses.
            return errs;
        }
        if (ips.size() > 1 && IpAddresses.isV6(ips.get(0)) == IpAddresses.isV6(ips.get(1))) {
            errs.add(Errs.invalid(CLUSTER_IPS, GoValue.stringSlice(ips), "may specify no more than one IP for each IP family"));
        }
        if (!isHeadless(spec) && !ips.isEmpty() && !families.isEmpty()) {
            for (int i = 0; i < ips.size() && i < families.size(); i++) {
                if ("IPv4".equals(families.get(i)) && IpAddresses.isV6(ips.get(i))) {
                    errs.add(Errs.invalid(CLUSTER_IPS.index(i), ips.get(i), "expected an IPv4 value as indicated by `ipFamilies[" + i + "]`"));
                }
                if ("IPv6".equals(families.get(i)) && !IpAddresses.isV6(ips.get(i))) {
                    errs.add(Errs.invalid(CLUSTER_IPS.index(i), ips.get(i), "expected an IPv6 value as indicated by `ipFamilies[" + i + "]`"));
                }
            }
        }
        return errs;
    }

    /**
     * Allocated cluster IPs and their families are fixed once set; only a secondary family may be
     * added or released. A client that changes clusterIP without touching clusterIPs changes both,
     * as Kubernetes reads it.
     */
    static List<FieldError> update(ServiceSpec n, ServiceSpec o) {
        List<FieldError> errs = new ArrayList<>();
        if ("ExternalName".equals(n.getType()) || "ExternalName".equals(o.getType())) {
            return errs;
        }
        List<String> oldIps = o.getClusterIPs() == null ? List.of() : o.getClusterIPs();
        List<String> newIps = effectiveClusterIps(n, o);
        boolean newHeadless = newIps.size() == 1 && "None".equals(newIps.get(0));
        boolean oldHeadless = isHeadless(o);
        if (!(oldHeadless && newHeadless)) {
            if (oldIps.size() == newIps.size()) {
                for (int i = 0; i < oldIps.size(); i++) {
                    if (!Objects.equals(oldIps.get(i), newIps.get(i))) {
                        errs.add(Errs.invalid(CLUSTER_IPS.index(i), GoValue.stringSlice(newIps), "may not change once set"));
                    }
                }
            } else if (oldIps.size() > newIps.size()) {
                if (newIps.isEmpty()) {
                    errs.add(Errs.invalid(CLUSTER_IPS.index(0), GoValue.stringSlice(newIps), "primary clusterIP can not be unset"));
                }
                if (!oldIps.isEmpty() && !newIps.isEmpty() && !newIps.get(0).equals(oldIps.get(0))) {
                    errs.add(Errs.invalid(CLUSTER_IPS.index(0), GoValue.stringSlice(newIps), "may not change once set"));
                }
                if (newIps.size() == 1 && !"SingleStack".equals(n.getIpFamilyPolicy())) {
                    errs.add(Errs.invalid(SPEC.child("ipFamilyPolicy"), n.getIpFamilyPolicy(),
                            "must be set to 'SingleStack' when releasing the secondary clusterIP"));
                }
            } else if (!oldIps.isEmpty() && !newIps.get(0).equals(oldIps.get(0))) {
                errs.add(Errs.invalid(CLUSTER_IPS.index(0), GoValue.stringSlice(newIps), "may not change once set"));
            }
        }
        if (newHeadless != oldHeadless || newHeadless) {
            return errs;
        }
        List<String> oldFam = o.getIpFamilies() == null ? List.of() : o.getIpFamilies();
        List<String> newFam = n.getIpFamilies() == null ? List.of() : n.getIpFamilies();
        FieldPath famPath = SPEC.child("ipFamilies").index(0);
        if (oldFam.size() == newFam.size()) {
            for (int i = 0; i < oldFam.size(); i++) {
                if (!Objects.equals(oldFam.get(i), newFam.get(i))) {
                    errs.add(Errs.invalid(famPath, familiesValue(newFam), "may not change once set"));
                }
            }
        } else if (oldFam.size() > newFam.size()) {
            if (newIps.isEmpty()) {
                errs.add(Errs.invalid(famPath, familiesValue(newFam), "primary ipFamily can not be unset"));
            }
            if (!newFam.isEmpty() && !newFam.get(0).equals(oldFam.get(0))) {
                errs.add(Errs.invalid(famPath, GoValue.stringSlice(newIps), "may not change once set"));
            }
            if (newFam.size() == 1 && !"SingleStack".equals(n.getIpFamilyPolicy())) {
                errs.add(Errs.invalid(SPEC.child("ipFamilyPolicy"), n.getIpFamilyPolicy(),
                        "must be set to 'SingleStack' when releasing the secondary ipFamily"));
            }
        } else if (!oldFam.isEmpty() && !newFam.isEmpty() && !newFam.get(0).equals(oldFam.get(0))) {
            errs.add(Errs.invalid(famPath, GoValue.stringSlice(newIps), "may not change once set"));
        }
        return errs;
    }

    private static List<String> effectiveClusterIps(ServiceSpec n, ServiceSpec o) {
        List<String> ips = n.getClusterIPs() == null ? List.of() : n.getClusterIPs();
        String newIp = n.getClusterIP() == null ? "" : n.getClusterIP();
        String oldIp = o.getClusterIP() == null ? "" : o.getClusterIP();
        if (!newIp.equals(oldIp) && Objects.equals(ips, o.getClusterIPs() == null ? List.of() : o.getClusterIPs())) {
            return newIp.isEmpty() ? List.of() : List.of(newIp);
        }
        return ips;
    }

    private static GoValue.Literal familiesValue(List<String> families) {
        return GoValue.literal(GoValue.stringSlice(families).text().replace("[]string", "[]core.IPFamily"));
    }
}
