package io.skiff.scheduler.cache;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.skiff.api.validation.Quantities;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * What a pod asks of a node: cpu in millicores and memory in bytes. As in Kubernetes, the
 * effective request is the larger of the sum over app containers and the largest init container
 * (init containers run one at a time, before the app), plus the pod overhead. The "non-zero"
 * figures count an unset request as 100m cpu / 200Mi memory, which only scoring uses, so that
 * best-effort pods still spread.
 */
public record PodRequests(long milliCpu, long memory, long nonZeroMilliCpu, long nonZeroMemory) {
    static final long DEFAULT_MILLI_CPU = 100;
    static final long DEFAULT_MEMORY = 200L * 1024 * 1024;
    public static final PodRequests ZERO = new PodRequests(0, 0, 0, 0);

    public static PodRequests of(Pod pod) {
        PodSpec spec = pod.getSpec();
        if (spec == null) {
            return ZERO;
        }
        long cpu = 0, mem = 0, nzCpu = 0, nzMem = 0;
        for (Container c : list(spec.getContainers())) {
            Map<String, Quantity> req = requests(c);
            long cc = milli(req.get("cpu")), cm = units(req.get("memory"));
            cpu += cc;
            mem += cm;
            nzCpu += req.containsKey("cpu") ? cc : DEFAULT_MILLI_CPU;
            nzMem += req.containsKey("memory") ? cm : DEFAULT_MEMORY;
        }
        for (Container c : list(spec.getInitContainers())) {
            Map<String, Quantity> req = requests(c);
            long cc = milli(req.get("cpu")), cm = units(req.get("memory"));
            cpu = Math.max(cpu, cc);
            mem = Math.max(mem, cm);
            nzCpu = Math.max(nzCpu, cc);
            nzMem = Math.max(nzMem, cm);
        }
        Map<String, Quantity> overhead = spec.getOverhead() == null ? Map.of() : spec.getOverhead();
        long oc = milli(overhead.get("cpu")), om = units(overhead.get("memory"));
        return new PodRequests(cpu + oc, mem + om, nzCpu + oc, nzMem + om);
    }

    /** A quantity in thousandths, rounded up (Kubernetes' MilliValue); 0 when absent or invalid. */
    public static long milli(Quantity q) {
        BigDecimal v = Quantities.value(q);
        return v == null ? 0 : v.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** A quantity in whole units, rounded up (Kubernetes' Value); 0 when absent or invalid. */
    public static long units(Quantity q) {
        BigDecimal v = Quantities.value(q);
        return v == null ? 0 : v.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    PodRequests plus(PodRequests o, int sign) {
        return new PodRequests(milliCpu + sign * o.milliCpu, memory + sign * o.memory,
                nonZeroMilliCpu + sign * o.nonZeroMilliCpu, nonZeroMemory + sign * o.nonZeroMemory);
    }

    /** Requests, falling back to limits when only limits are set (Kubernetes defaults requests so). */
    private static Map<String, Quantity> requests(Container c) {
        if (c.getResources() == null) {
            return Map.of();
        }
        Map<String, Quantity> req = c.getResources().getRequests();
        Map<String, Quantity> lim = c.getResources().getLimits();
        if (lim == null || lim.isEmpty()) {
            return req == null ? Map.of() : req;
        }
        Map<String, Quantity> merged = new java.util.HashMap<>(lim);
        if (req != null) {
            merged.putAll(req);
        }
        return merged;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
