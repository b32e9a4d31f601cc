package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.skiff.api.errors.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Container resource requirements: known resource names, non-negative quantities, requests within limits. */
final class ResourceValidator {
    private static final Set<String> CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
    private static final Set<String> STANDARD_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage", "storage",
            "pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
            "persistentvolumeclaims", "services.nodeports", "services.loadbalancers", "limits.cpu", "limits.memory",
            "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.storage",
            "requests.ephemeral-storage");

    private ResourceValidator() {
    }

    static List<FieldError> containerRequirements(ResourceRequirements req, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (req == null) {
            return errs;
        }
        FieldPath limPath = path.child("limits");
        FieldPath reqPath = path.child("requests");
        Map<String, Quantity> limits = req.getLimits() == null ? Map.of() : req.getLimits();
        Map<String, Quantity> requests = req.getRequests() == null ? Map.of() : req.getRequests();
        boolean limCpuMem = false;
        boolean reqCpuMem = false;
        boolean hugePages = false;
        for (Map.Entry<String, Quantity> e : limits.entrySet()) {
            FieldPath p = limPath.key(e.getKey());
            errs.addAll(containerResourceName(e.getKey(), p));
            errs.addAll(quantityValue(e.getKey(), e.getValue(), p));
            hugePages |= e.getKey().startsWith("hugepages-");
            limCpuMem |= e.getKey().equals("cpu") || e.getKey().equals("memory");
        }
        for (Map.Entry<String, Quantity> e : requests.entrySet()) {
            String name = e.getKey();
            FieldPath p = reqPath.key(name);
            errs.addAll(containerResourceName(name, p));
            List<FieldError> valueErrs = quantityValue(name, e.getValue(), p);
            errs.addAll(valueErrs);
            Quantity limit = limits.get(name);
            if (limit != null && valueErrs.isEmpty() && Quantities.value(limit) != null) {
                int cmp = Quantities.compare(e.getValue(), limit);
                String reqText = Quantities.canonical(e.getValue());
                String limText = Quantities.canonical(limit);
                if (cmp != 0 && !overcommitAllowed(name)) {
                    errs.add(Errs.invalid(reqPath, reqText, "must be equal to " + name + " limit of " + limText));
                } else if (cmp > 0) {
                    errs.add(Errs.invalid(reqPath, reqText, "must be less than or equal to " + name + " limit of " + limText));
                }
            } else if (limit == null && !overcommitAllowed(name)) {
                errs.add(Errs.required(limPath, "Limit must be set for non overcommitable resources"));
            }
            hugePages |= name.startsWith("hugepages-");
            reqCpuMem |= name.equals("cpu") || name.equals("memory");
        }
        if (!limCpuMem && !reqCpuMem && hugePages) {
            errs.add(Errs.forbidden(path, "HugePages require cpu or memory"));
        }
        return errs;
    }

    /** Kubernetes' ValidateResourceQuantityValue: never negative, and whole numbers for countable resources. */
    static List<FieldError> quantityValue(String resource, Quantity q, FieldPath path) {
        BigDecimal v = Quantities.value(q);
        if (v == null) {
            return List.of(Errs.invalid(path, q == null ? "" : Quantities.text(q), Quantities.FORMAT_ERROR));
        }
        List<FieldError> errs = new ArrayList<>();
        if (v.signum() < 0) {
            errs.add(Errs.invalid(path, Quantities.canonical(q), "must be greater than or equal to 0"));
        }
        if (isInteger(resource) && v.stripTrailingZeros().scale() > 0) {
            errs.add(Errs.invalid(path, GoValue.literal(Quantities.canonical(q)), "must be an integer"));
        }
        return errs;
    }

    private static List<FieldError> containerResourceName(String name, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String msg : Formats.qualifiedName(name)) {
            errs.add(Errs.invalid(path, name, msg));
        }
        if (!errs.isEmpty()) {
            return errs;
        }
        if (!name.contains("/")) {
            if (!STANDARD_RESOURCES.contains(name) && !name.startsWith("hugepages-")) {
                return List.of(Errs.invalid(path, name, "must be a standard resource type or fully qualified"));
            }
            if (!CONTAINER_RESOURCES.contains(name) && !name.startsWith("hugepages-")) {
                return List.of(Errs.invalid(path, name, "must be a standard resource for containers"));
            }
        } else if (!isNative(name) && !isExtended(name)) {
            return List.of(Errs.invalid(path, name, "doesn't follow extended resource name standard"));
        }
        return errs;
    }

    /** Unprefixed and kubernetes.io-prefixed names belong to Kubernetes itself. */
    static boolean isNative(String name) {
        return !name.contains("/") || name.contains("kubernetes.io/");
    }

    private static boolean isExtended(String name) {
        return !isNative(name) && !name.startsWith("requests.") && Formats.qualifiedName("requests." + name).isEmpty();
    }

    /** Huge pages and extended resources (GPUs...) cannot be overcommitted: requests must equal limits. */
    static boolean overcommitAllowed(String name) {
        return isNative(name) && !name.startsWith("hugepages-");
    }

    /** Countable resources: pods, object counts and extended resources. */
    static boolean isInteger(String name) {
        return name.equals("pods") || name.startsWith("count/") || !isNative(name) && !name.startsWith("requests.")
                || Set.of("services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
                "persistentvolumeclaims", "services.nodeports", "services.loadbalancers").contains(name);
    }
}
