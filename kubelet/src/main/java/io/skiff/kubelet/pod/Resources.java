package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** A container's requests and limits turned into cgroup settings and downward-API values. */
final class Resources {
    private Resources() {
    }

    static long memoryLimitBytes(Container c) {
        Quantity q = get(c, false, "memory");
        return q == null ? 0 : Quantity.getAmountInBytes(q).longValue();
    }

    /** limits.cpu in 1e-9 CPUs (Docker's NanoCPUs, a CFS quota). */
    static long nanoCpus(Container c) {
        Quantity q = get(c, false, "cpu");
        return q == null ? 0 : Quantity.getAmountInBytes(q).multiply(BigDecimal.valueOf(1_000_000_000L)).longValue();
    }

    /** requests.cpu as CFS shares (1 CPU = 1024, at least 2), as the kubelet sets them. */
    static long cpuShares(Container c) {
        Quantity q = get(c, true, "cpu");
        if (q == null) {
            q = get(c, false, "cpu");
        }
        if (q == null) {
            return 0;
        }
        long milli = Quantity.getAmountInBytes(q).multiply(BigDecimal.valueOf(1000)).longValue();
        return Math.max(2, milli * 1024 / 1000);
    }

    static String fieldValue(Container c, ResourceFieldSelector sel) {
        String res = sel.getResource();
        boolean request = res.startsWith("requests.");
        String name = res.substring(res.indexOf('.') + 1);
        Quantity q = get(c, request, name);
        if (q == null) {
            return "0";
        }
        BigDecimal amount = Quantity.getAmountInBytes(q);
        BigDecimal divisor = sel.getDivisor() == null ? BigDecimal.ONE : Quantity.getAmountInBytes(sel.getDivisor());
        return amount.divide(divisor, 0, RoundingMode.CEILING).toPlainString();
    }

    private static Quantity get(Container c, boolean request, String name) {
        if (c.getResources() == null) {
            return null;
        }
        Map<String, Quantity> m = request ? c.getResources().getRequests() : c.getResources().getLimits();
        return m == null ? null : m.get(name);
    }
}
