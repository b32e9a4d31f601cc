package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Event rules for both APIs. Kubernetes validates core/v1 and events.k8s.io/v1 events in one
 * internal shape and reports paths in that shape's names (involvedObject, message, source, ...),
 * so events.k8s.io errors name the core fields too.
 */
final class EventRules {
    private static final int REPORTING_INSTANCE_LIMIT = 128;
    private static final int ACTION_LIMIT = 128;
    private static final int REASON_LIMIT = 128;
    private static final int NOTE_LIMIT = 1024;

    /** An event in Kubernetes' internal field names. */
    record Fields(ObjectMeta meta, ObjectReference involvedObject, String reason, String message, EventSource source,
                  String firstTimestamp, String lastTimestamp, Integer count, String type, MicroTime eventTime,
                  Integer seriesCount, MicroTime seriesLastObserved, boolean hasSeries, String action,
                  ObjectReference related, String reportingController, String reportingInstance) {
    }

    private EventRules() {
    }

    /** What every event must satisfy, whichever API it came through. */
    static List<FieldError> legacy(Fields e) {
        List<FieldError> errs = new ArrayList<>();
        String ns = e.meta() == null ? "" : nz(e.meta().getNamespace());
        String involvedNs = e.involvedObject() == null ? "" : nz(e.involvedObject().getNamespace());
        FieldPath involvedNsPath = FieldPath.root("involvedObject").child("namespace");
        if (isZero(e.eventTime())) {
            // Old-style events: the event lives in its object's namespace (or default, for old clients).
            if (involvedNs.isEmpty() ? !ns.isEmpty() && !ns.equals("default") : !ns.equals(involvedNs)) {
                errs.add(Errs.invalid(involvedNsPath, involvedNs, "does not match event.namespace"));
            }
        } else {
            if (involvedNs.isEmpty() && !ns.equals("default") && !ns.equals("kube-system")) {
                errs.add(Errs.invalid(involvedNsPath, involvedNs, "does not match event.namespace"));
            }
            String controller = nz(e.reportingController());
            if (controller.isEmpty()) {
                errs.add(Errs.required(FieldPath.root("reportingController"), ""));
            }
            for (String msg : Formats.qualifiedName(controller)) {
                errs.add(Errs.invalid(FieldPath.root("reportingController"), controller, msg));
            }
            errs.addAll(bounded(e.reportingInstance(), "reportingInstance", REPORTING_INSTANCE_LIMIT, true));
            errs.addAll(bounded(e.action(), "action", ACTION_LIMIT, true));
            errs.addAll(bounded(e.reason(), "reason", REASON_LIMIT, true));
            errs.addAll(bounded(e.message(), "message", NOTE_LIMIT, false));
        }
        for (String msg : Formats.dns1123Subdomain(ns)) {
            errs.add(Errs.invalid(FieldPath.root("namespace"), ns, msg));
        }
        return errs;
    }

    private static List<FieldError> bounded(String value, String field, int limit, boolean required) {
        List<FieldError> errs = new ArrayList<>();
        String v = nz(value);
        if (required && v.isEmpty()) {
            errs.add(Errs.required(FieldPath.root(field), ""));
        }
        if (v.length() > limit) {
            errs.add(Errs.invalid(FieldPath.root(field), "", "can have at most " + limit + " characters"));
        }
        return errs;
    }

    /** events.k8s.io/v1 creation: new-style events only, with the deprecated fields left unset. */
    static List<FieldError> strict(Fields e) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(e.meta(), true, NameValidator.DNS_SUBDOMAIN,
                FieldPath.root("metadata")));
        errs.addAll(series(e));
        if (isZero(e.eventTime())) {
            errs.add(Errs.required(FieldPath.root("eventTime"), ""));
        }
        String type = nz(e.type());
        if (!type.equals("Normal") && !type.equals("Warning")) {
            errs.add(Errs.invalid(FieldPath.root("type"), "", "has invalid value: " + type));
        }
        if (!nz(e.firstTimestamp()).isEmpty()) {
            errs.add(Errs.invalid(FieldPath.root("firstTimestamp"), "", "needs to be unset"));
        }
        if (!nz(e.lastTimestamp()).isEmpty()) {
            errs.add(Errs.invalid(FieldPath.root("lastTimestamp"), "", "needs to be unset"));
        }
        if (e.count() != null && e.count() != 0) {
            errs.add(Errs.invalid(FieldPath.root("count"), "", "needs to be unset"));
        }
        if (e.source() != null && (!nz(e.source().getComponent()).isEmpty() || !nz(e.source().getHost()).isEmpty())) {
            errs.add(Errs.invalid(FieldPath.root("source"), "", "needs to be unset"));
        }
        return errs;
    }

    private static List<FieldError> series(Fields e) {
        List<FieldError> errs = new ArrayList<>();
        if (e.hasSeries()) {
            if (e.seriesCount() == null || e.seriesCount() < 2) {
                errs.add(Errs.invalid(FieldPath.root("series.count"), "", "should be at least 2"));
            }
            if (isZero(e.seriesLastObserved())) {
                errs.add(Errs.required(FieldPath.root("series.lastObservedTime"), ""));
            }
        }
        return errs;
    }

    /** events.k8s.io/v1 updates: only the series may move on; what the event says is fixed. */
    static List<FieldError> strictUpdate(Fields n, Fields o) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(n.meta(), o.meta(), FieldPath.root("metadata")));
        if (!Objects.equals(n.seriesCount(), o.seriesCount()) || !sameTime(n.seriesLastObserved(), o.seriesLastObserved())
                || n.hasSeries() != o.hasSeries()) {
            errs.addAll(series(n));
        }
        immutable(errs, "involvedObject", objectRef(n.involvedObject()), objectRef(o.involvedObject()));
        immutable(errs, "reason", nz(n.reason()), nz(o.reason()));
        immutable(errs, "message", nz(n.message()), nz(o.message()));
        immutable(errs, "source", source(n.source()), source(o.source()));
        immutable(errs, "firstTimestamp", GoValue.time(n.firstTimestamp()), GoValue.time(o.firstTimestamp()));
        immutable(errs, "lastTimestamp", GoValue.time(n.lastTimestamp()), GoValue.time(o.lastTimestamp()));
        immutable(errs, "count", n.count() == null ? 0 : n.count(), o.count() == null ? 0 : o.count());
        immutable(errs, "reason", nz(n.reason()), nz(o.reason()));
        immutable(errs, "type", nz(n.type()), nz(o.type()));
        immutable(errs, "eventTime", GoValue.time(time(n.eventTime())), GoValue.time(time(o.eventTime())));
        immutable(errs, "action", nz(n.action()), nz(o.action()));
        immutable(errs, "related", n.related() == null ? null : objectRef(n.related()), o.related() == null ? null : objectRef(o.related()));
        immutable(errs, "reportingController", nz(n.reportingController()), nz(o.reportingController()));
        immutable(errs, "reportingInstance", nz(n.reportingInstance()), nz(o.reportingInstance()));
        return errs;
    }

    private static void immutable(List<FieldError> errs, String field, Object newValue, Object oldValue) {
        if (!Objects.equals(String.valueOf(newValue), String.valueOf(oldValue))) {
            errs.add(Errs.immutable(FieldPath.root(field), newValue));
        }
    }

    private static GoValue.Literal objectRef(ObjectReference r) {
        ObjectReference o = r == null ? new ObjectReference() : r;
        return GoValue.struct("core.ObjectReference", "Kind", nz(o.getKind()), "Namespace", nz(o.getNamespace()),
                "Name", nz(o.getName()), "UID", nz(o.getUid()), "APIVersion", nz(o.getApiVersion()),
                "ResourceVersion", nz(o.getResourceVersion()), "FieldPath", nz(o.getFieldPath()));
    }

    private static GoValue.Literal source(EventSource s) {
        EventSource v = s == null ? new EventSource() : s;
        return GoValue.struct("core.EventSource", "Component", nz(v.getComponent()), "Host", nz(v.getHost()));
    }

    private static boolean isZero(MicroTime t) {
        return t == null || nz(t.getTime()).isEmpty();
    }

    private static boolean sameTime(MicroTime a, MicroTime b) {
        return Objects.equals(time(a), time(b));
    }

    private static String time(MicroTime t) {
        return t == null ? "" : nz(t.getTime());
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
