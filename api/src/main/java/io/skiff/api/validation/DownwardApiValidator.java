package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** fieldRef and resourceFieldRef selectors of env vars and downwardAPI volumes. */
final class DownwardApiValidator {
    /** Field paths an env var may read. */
    static final Set<String> ENV_FIELDS = new TreeSet<>(List.of("metadata.name", "metadata.namespace", "metadata.uid",
            "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"));
    /** Field paths a downwardAPI volume file may hold. */
    static final Set<String> VOLUME_FIELDS = new TreeSet<>(List.of("metadata.name", "metadata.namespace",
            "metadata.labels", "metadata.annotations", "metadata.uid"));
    /** Every field label the v1 API converts; the rest are not supported at all. */
    private static final Set<String> CONVERTIBLE = Set.of("metadata.annotations", "metadata.labels", "metadata.name",
            "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName",
            "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");
    private static final Set<String> RESOURCE_FIELDS = new TreeSet<>(List.of("limits.cpu", "limits.memory",
            "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage"));
    private static final Pattern SUBSCRIPTED = Pattern.compile("(metadata\\.(?:labels|annotations))\\['(.*)'\\]");
    private static final Set<String> CPU_DIVISORS = Set.of("1m", "1");
    private static final Set<String> BYTE_DIVISORS = Set.of("1", "1k", "1M", "1G", "1T", "1P", "1E",
            "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei");

    private DownwardApiValidator() {
    }

    static List<FieldError> fieldSelector(ObjectFieldSelector fs, Set<String> allowed, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String apiVersion = fs.getApiVersion() == null ? "" : fs.getApiVersion();
        String fieldPath = fs.getFieldPath() == null ? "" : fs.getFieldPath();
        if (apiVersion.isEmpty()) {
            errs.add(Errs.required(path.child("apiVersion"), ""));
            return errs;
        }
        if (fieldPath.isEmpty()) {
            errs.add(Errs.required(path.child("fieldPath"), ""));
            return errs;
        }
        if (!apiVersion.equals("v1")) {
            errs.add(Errs.invalid(path.child("fieldPath"), fieldPath, "error converting fieldPath: unsupported pod version: " + apiVersion));
            return errs;
        }
        Matcher sub = SUBSCRIPTED.matcher(fieldPath);
        String label = sub.matches() ? sub.group(1) : fieldPath.equals("spec.host") ? "spec.nodeName" : fieldPath;
        if (!CONVERTIBLE.contains(label)) {
            errs.add(Errs.invalid(path.child("fieldPath"), fieldPath, "error converting fieldPath: field label not supported: " + fieldPath));
            return errs;
        }
        if (sub.matches()) {
            String key = label.equals("metadata.annotations") ? sub.group(2).toLowerCase(Locale.ROOT) : sub.group(2);
            for (String msg : Formats.qualifiedName(key)) {
                errs.add(Errs.invalid(path, key, msg));
            }
        } else if (!allowed.contains(label)) {
            errs.add(Errs.notSupported(path.child("fieldPath"), label, allowed));
        }
        return errs;
    }

    static List<FieldError> resourceSelector(ResourceFieldSelector fs, boolean volume, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String resource = fs.getResource() == null ? "" : fs.getResource();
        if (volume && (fs.getContainerName() == null || fs.getContainerName().isEmpty())) {
            errs.add(Errs.required(path.child("containerName"), ""));
        } else if (resource.isEmpty()) {
            errs.add(Errs.required(path.child("resource"), ""));
        } else if (!RESOURCE_FIELDS.contains(resource)
                && !resource.startsWith("requests.hugepages-") && !resource.startsWith("limits.hugepages-")) {
            errs.add(Errs.notSupported(path.child("resource"), resource, RESOURCE_FIELDS));
        }
        errs.addAll(divisor(resource, fs.getDivisor(), path));
        return errs;
    }

    private static List<FieldError> divisor(String resource, Quantity divisor, FieldPath path) {
        if (divisor == null || Quantities.value(divisor) == null || Quantities.value(divisor).signum() == 0) {
            return List.of();
        }
        String d = Quantities.canonical(divisor);
        String msg = null;
        if ((resource.equals("limits.cpu") || resource.equals("requests.cpu")) && !CPU_DIVISORS.contains(d)) {
            msg = "only divisor's values 1m and 1 are supported with the cpu resource";
        } else if ((resource.equals("limits.memory") || resource.equals("requests.memory")) && !BYTE_DIVISORS.contains(d)) {
            msg = "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource";
        } else if (resource.endsWith(".ephemeral-storage") && !BYTE_DIVISORS.contains(d)) {
            msg = "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource";
        } else if (resource.contains(".hugepages-") && !BYTE_DIVISORS.contains(d)) {
            msg = "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource";
        }
        return msg == null ? List.of() : List.of(Errs.invalid(path.child("divisor"), resource, msg));
    }
}
