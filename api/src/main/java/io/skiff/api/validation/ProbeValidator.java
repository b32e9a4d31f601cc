package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.GRPCAction;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SleepAction;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/** Probes and lifecycle hooks: exactly one handler, sane timings. */
final class ProbeValidator {
    private static final List<String> HTTP_SCHEMES = List.of("HTTP", "HTTPS");

    private ProbeValidator() {
    }

    static List<FieldError> liveness(Probe probe, Long gracePeriod, FieldPath path) {
        return successMustBeOne(probe, gracePeriod, path);
    }

    static List<FieldError> startup(Probe probe, Long gracePeriod, FieldPath path) {
        return successMustBeOne(probe, gracePeriod, path);
    }

    /** Liveness and startup probes pass or fail on a single result. */
    private static List<FieldError> successMustBeOne(Probe probe, Long gracePeriod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (probe == null) {
            return errs;
        }
        errs.addAll(probe(probe, gracePeriod, path));
        int success = probe.getSuccessThreshold() == null ? 0 : probe.getSuccessThreshold();
        if (success != 1) {
            errs.add(Errs.invalid(path.child("successThreshold"), success, "must be 1"));
        }
        return errs;
    }

    static List<FieldError> readiness(Probe probe, Long gracePeriod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (probe == null) {
            return errs;
        }
        errs.addAll(probe(probe, gracePeriod, path));
        if (probe.getTerminationGracePeriodSeconds() != null) {
            errs.add(Errs.invalid(path.child("terminationGracePeriodSeconds"), probe.getTerminationGracePeriodSeconds(),
                    "must not be set for readinessProbes"));
        }
        return errs;
    }

    private static List<FieldError> probe(Probe probe, Long gracePeriod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(handler(probe.getExec(), probe.getHttpGet(), probe.getTcpSocket(),
                probe.getGrpc(), null, gracePeriod, path));
        errs.addAll(nonNegative(probe.getInitialDelaySeconds(), path.child("initialDelaySeconds")));
        errs.addAll(nonNegative(probe.getTimeoutSeconds(), path.child("timeoutSeconds")));
        errs.addAll(nonNegative(probe.getPeriodSeconds(), path.child("periodSeconds")));
        errs.addAll(nonNegative(probe.getSuccessThreshold(), path.child("successThreshold")));
        errs.addAll(nonNegative(probe.getFailureThreshold(), path.child("failureThreshold")));
        if (probe.getTerminationGracePeriodSeconds() != null && probe.getTerminationGracePeriodSeconds() <= 0) {
            errs.add(Errs.invalid(path.child("terminationGracePeriodSeconds"), probe.getTerminationGracePeriodSeconds(),
                    "must be greater than 0"));
        }
        return errs;
    }

    static List<FieldError> lifecycle(Lifecycle lifecycle, Long gracePeriod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (lifecycle.getPostStart() != null) {
            errs.addAll(lifecycleHandler(lifecycle.getPostStart(), gracePeriod, path.child("postStart")));
        }
        if (lifecycle.getPreStop() != null) {
            errs.addAll(lifecycleHandler(lifecycle.getPreStop(), gracePeriod, path.child("preStop")));
        }
        return errs;
    }

    private static List<FieldError> lifecycleHandler(LifecycleHandler h, Long gracePeriod, FieldPath path) {
        return handler(h.getExec(), h.getHttpGet(), h.getTcpSocket(), null, h.getSleep(), gracePeriod, path);
    }

    private static List<FieldError> handler(ExecAction exec, HTTPGetAction http, TCPSocketAction tcp, GRPCAction grpc,
                                            SleepAction sleep, Long gracePeriod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        int n = 0;
        if (exec != null) {
            if (n++ > 0) {
                errs.add(Errs.forbidden(path.child("exec"), "may not specify more than 1 handler type"));
            } else if (exec.getCommand() == null || exec.getCommand().isEmpty()) {
                errs.add(Errs.required(path.child("exec", "command"), ""));
            }
        }
        if (http != null) {
            if (n++ > 0) {
                errs.add(Errs.forbidden(path.child("httpGet"), "may not specify more than 1 handler type"));
            } else {
                errs.addAll(httpGet(http, path.child("httpGet")));
            }
        }
        if (tcp != null) {
            if (n++ > 0) {
                errs.add(Errs.forbidden(path.child("tcpSocket"), "may not specify more than 1 handler type"));
            } else {
                errs.addAll(portNumOrName(tcp.getPort(), path.child("tcpSocket", "port")));
            }
        }
        if (grpc != null) {
            if (n++ > 0) {
                errs.add(Errs.forbidden(path.child("grpc"), "may not specify more than 1 handler type"));
            } else {
                int port = grpc.getPort() == null ? 0 : grpc.getPort();
                for (String msg : Formats.portNumber(port)) {
                    errs.add(Errs.invalid(path.child("grpc", "port"), port, msg));
                }
            }
        }
        if (sleep != null) {
            if (n++ > 0) {
                errs.add(Errs.forbidden(path.child("sleep"), "may not specify more than 1 handler type"));
            } else {
                long seconds = sleep.getSeconds() == null ? 0 : sleep.getSeconds();
                // Kubernetes 1.33 allows a zero sleep (PodLifecycleSleepActionAllowZero is on by default).
                if (gracePeriod != null && (seconds < 0 || seconds > gracePeriod)) {
                    errs.add(Errs.invalid(path.child("sleep"), seconds,
                            "must be non-negative and less than terminationGracePeriodSeconds (" + gracePeriod + ")"));
                }
            }
        }
        if (n == 0) {
            errs.add(Errs.required(path, "must specify a handler type"));
        }
        return errs;
    }

    private static List<FieldError> httpGet(HTTPGetAction http, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (http.getPath() == null || http.getPath().isEmpty()) {
            errs.add(Errs.required(path.child("path"), ""));
        }
        errs.addAll(portNumOrName(http.getPort(), path.child("port")));
        String scheme = http.getScheme() == null ? "" : http.getScheme();
        if (!HTTP_SCHEMES.contains(scheme)) {
            errs.add(Errs.notSupported(path.child("scheme"), scheme, HTTP_SCHEMES));
        }
        for (HTTPHeader h : http.getHttpHeaders() == null ? List.<HTTPHeader>of() : http.getHttpHeaders()) {
            String name = h.getName() == null ? "" : h.getName();
            for (String msg : Formats.httpHeaderName(name)) {
                errs.add(Errs.invalid(path.child("httpHeaders"), name, msg));
            }
        }
        return errs;
    }

    /** A port given as a number (1-65535) or as the name of a container port. */
    static List<FieldError> portNumOrName(IntOrString port, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (port != null && port.getStrVal() != null) {
            for (String msg : Formats.portName(port.getStrVal())) {
                errs.add(Errs.invalid(path, port.getStrVal(), msg));
            }
        } else {
            int n = port == null || port.getIntVal() == null ? 0 : port.getIntVal();
            for (String msg : Formats.portNumber(n)) {
                errs.add(Errs.invalid(path, n, msg));
            }
        }
        return errs;
    }

    static List<FieldError> nonNegative(Number value, FieldPath path) {
        return value != null && value.longValue() < 0
                ? List.of(Errs.invalid(path, value.longValue(), "must be greater than or equal to 0")) : List.of();
    }
}
