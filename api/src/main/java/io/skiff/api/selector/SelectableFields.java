package io.skiff.api.selector;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The fields each resource can be selected by, and their values for one object (Kubernetes'
 * {@code ToSelectableFields} plus its field-label conversions). Every resource has
 * {@code metadata.name}, namespaced ones {@code metadata.namespace}; a few have more.
 * <p>
 * Deviation, on purpose: apps/v1 ReplicaSets accept {@code status.replicas}, as the Kubernetes
 * documentation promises, although the 1.32 server rejects it (kubernetes#135136).
 */
public final class SelectableFields {
    /** Per resource: the extra fields with how to read them, aliases, and accepted-but-unset labels. */
    private record Spec(Map<String, Function<JsonNode, String>> fields, Map<String, String> aliases,
                        Set<String> acceptedUnset) {
    }

    private static final Map<ResourceType, Spec> SPECS = Map.of(
            ResourceTypes.PODS, new Spec(pods(), Map.of("spec.host", "spec.nodeName"), Set.of("status.podIPs")),
            ResourceTypes.NODES, spec(Map.of("spec.unschedulable", o -> bool(o.path("spec").path("unschedulable")))),
            ResourceTypes.NAMESPACES, spec(Map.of("status.phase", o -> text(o, "status", "phase"))),
            ResourceTypes.EVENTS, spec(coreEvents()),
            ResourceTypes.EVENTS_V1, spec(eventsV1()),
            ResourceTypes.SECRETS, spec(Map.of("type", o -> text(o, "type"))),
            ResourceTypes.SERVICES, spec(services()),
            ResourceTypes.REPLICATION_CONTROLLERS, spec(Map.of("status.replicas", SelectableFields::replicas)),
            ResourceTypes.REPLICA_SETS, spec(Map.of("status.replicas", SelectableFields::replicas)));

    private SelectableFields() {
    }

    /** The selectable fields of {@code obj}, a {@code type} object; absent values are "". */
    public static Map<String, String> of(ResourceType type, JsonNode obj) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("metadata.name", text(obj, "metadata", "name"));
        if (type.namespaced()) {
            fields.put("metadata.namespace", text(obj, "metadata", "namespace"));
        }
        Spec spec = SPECS.get(type);
        if (spec != null) {
            spec.fields().forEach((name, read) -> fields.put(name, read.apply(obj)));
        }
        return fields;
    }

    /** The field labels a selector on {@code type} may use. */
    public static Set<String> supported(ResourceType type) {
        Set<String> labels = new LinkedHashSet<>();
        labels.add("metadata.name");
        if (type.namespaced()) {
            labels.add("metadata.namespace");
        }
        Spec spec = SPECS.get(type);
        if (spec != null) {
            labels.addAll(spec.fields().keySet());
            labels.addAll(spec.aliases().keySet());
            labels.addAll(spec.acceptedUnset());
        }
        return labels;
    }

    /**
     * Checks every term of {@code selector} against {@code type} and returns it with aliases
     * resolved ({@code spec.host} is {@code spec.nodeName}). An unsupported field is a 400
     * BadRequest in Kubernetes' words: {@code field label not supported: <label>} for the kinds
     * with their own fields, {@code "<label>" is not a known field selector: only
     * "metadata.name", "metadata.namespace"} for the others.
     */
    public static FieldSelector check(ResourceType type, FieldSelector selector) {
        Set<String> supported = supported(type);
        Spec spec = SPECS.get(type);
        List<FieldSelector.Term> terms = new ArrayList<>();
        for (FieldSelector.Term t : selector.terms()) {
            if (!supported.contains(t.field())) {
                throw ApiException.badRequest(spec != null
                        ? "field label not supported: " + t.field()
                        : LabelSyntax.quote(t.field()) + " is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
            }
            String field = spec == null ? t.field() : spec.aliases().getOrDefault(t.field(), t.field());
            terms.add(new FieldSelector.Term(field, t.negated(), t.value()));
        }
        return new FieldSelector(terms);
    }

    private static Spec spec(Map<String, Function<JsonNode, String>> fields) {
        return new Spec(fields, Map.of(), Set.of());
    }

    private static Map<String, Function<JsonNode, String>> pods() {
        Map<String, Function<JsonNode, String>> fields = new LinkedHashMap<>();
        for (String f : List.of("nodeName", "restartPolicy", "schedulerName", "serviceAccountName")) {
            fields.put("spec." + f, o -> text(o, "spec", f));
        }
        fields.put("spec.hostNetwork", o -> bool(o.path("spec").path("hostNetwork")));
        fields.put("status.phase", o -> text(o, "status", "phase"));
        fields.put("status.podIP", SelectableFields::podIP);
        fields.put("status.nominatedNodeName", o -> text(o, "status", "nominatedNodeName"));
        return fields;
    }

    private static Map<String, Function<JsonNode, String>> services() {
        Map<String, Function<JsonNode, String>> fields = new LinkedHashMap<>();
        fields.put("spec.clusterIP", o -> text(o, "spec", "clusterIP"));
        fields.put("spec.type", o -> text(o, "spec", "type"));
        return fields;
    }

    private static Map<String, Function<JsonNode, String>> coreEvents() {
        Map<String, Function<JsonNode, String>> fields = new LinkedHashMap<>();
        for (String f : List.of("kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath")) {
            fields.put("involvedObject." + f, o -> text(o, "involvedObject", f));
        }
        fields.put("reason", o -> text(o, "reason"));
        fields.put("reportingComponent", o -> text(o, "reportingComponent"));
        // Kubernetes falls back to the reporting controller when source.component is unset.
        fields.put("source", o -> {
            String component = text(o, "source", "component");
            return component.isEmpty() ? text(o, "reportingComponent") : component;
        });
        fields.put("type", o -> text(o, "type"));
        return fields;
    }

    /** events.k8s.io names the same selectable fields after its own field names. */
    private static Map<String, Function<JsonNode, String>> eventsV1() {
        Map<String, Function<JsonNode, String>> fields = new LinkedHashMap<>();
        for (String f : List.of("kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath")) {
            fields.put("regarding." + f, o -> text(o, "regarding", f));
        }
        fields.put("reason", o -> text(o, "reason"));
        fields.put("reportingController", o -> text(o, "reportingController"));
        fields.put("type", o -> text(o, "type"));
        return fields;
    }

    /** The primary pod IP: the first of status.podIPs, else status.podIP. */
    private static String podIP(JsonNode pod) {
        JsonNode ips = pod.path("status").path("podIPs");
        if (ips.isArray() && !ips.isEmpty()) {
            return ips.get(0).path("ip").asText("");
        }
        return text(pod, "status", "podIP");
    }

    private static String replicas(JsonNode o) {
        return Long.toString(o.path("status").path("replicas").asLong(0));
    }

    private static String bool(JsonNode value) {
        return Boolean.toString(value.asBoolean(false));
    }

    private static String text(JsonNode obj, String... path) {
        JsonNode node = obj;
        for (String p : path) {
            node = node.path(p);
        }
        return node.isTextual() || node.isNumber() || node.isBoolean() ? node.asText() : "";
    }
}
