package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.V1Patch;
import io.skiff.api.Json;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes types that client-java does not generate as models: it maps them to its own classes
 * (Quantity, IntOrString, V1Patch), to {@code OffsetDateTime} (Time and MicroTime alike) or to
 * {@code Object} (FieldsV1). Their schemas are the small fixed ones Kubernetes serves.
 */
final class WellKnownTypes {
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    static final String TIME = "io.k8s.apimachinery.pkg.apis.meta.v1.Time";
    static final String MICRO_TIME = "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime";
    static final String FIELDS_V1 = "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1";
    static final String PATCH = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    /** The OffsetDateTime properties that are MicroTime in Kubernetes; every other one is Time. */
    private static final Set<String> MICRO_TIME_PROPERTIES = Set.of(
            "CoreV1Event.eventTime", "CoreV1EventSeries.lastObservedTime", "EventsV1Event.eventTime",
            "EventsV1EventSeries.lastObservedTime", "V1LeaseSpec.acquireTime", "V1LeaseSpec.renewTime");

    /** The Object properties that hold a named Kubernetes type; other Object properties are free-form objects. */
    private static final Map<String, String> OBJECT_PROPERTIES = Map.of("V1ManagedFieldsEntry.fieldsV1", FIELDS_V1);

    private static final String QUANTITY_TEXT = "Quantity is a fixed-point number with an optional unit suffix, "
            + "such as 100m (0.1), 2Gi or 1.5; written as a string, a bare number is accepted too.";
    private static final String INT_OR_STRING_TEXT =
            "IntOrString holds either an integer or a string, e.g. a port number or a port name, 25 or \"25%\".";

    private static final Map<String, ObjectNode> SCHEMAS = Map.of(
            TIME, string("Time is a timestamp in RFC 3339 form with second precision, e.g. 2024-01-31T12:00:00Z.",
                    "date-time"),
            MICRO_TIME, string("MicroTime is a timestamp in RFC 3339 form with microsecond precision.", "date-time"),
            FIELDS_V1, object("FieldsV1 is the set of fields a manager owns, encoded as a trie in JSON (see managedFields)."),
            PATCH, object("Patch is the body of a PATCH request; its form follows the request's Content-Type."));

    private WellKnownTypes() {
    }

    /** The well-known definition a property of {@code owner} stands for, or null when its Java type says it all. */
    static String definitionOf(Class<?> owner, String jsonName, Class<?> javaType) {
        if (javaType == Quantity.class) {
            return QUANTITY;
        } else if (javaType == IntOrString.class) {
            return INT_OR_STRING;
        } else if (javaType == V1Patch.class) {
            return PATCH;
        } else if (javaType == OffsetDateTime.class) {
            return MICRO_TIME_PROPERTIES.contains(owner.getSimpleName() + "." + jsonName) ? MICRO_TIME : TIME;
        } else if (javaType == Object.class) {
            return OBJECT_PROPERTIES.get(owner.getSimpleName() + "." + jsonName);
        }
        return null;
    }

    /** The definition of a class that is itself a well-known type (V1Patch as a request body), or null. */
    static String definitionOf(Class<?> type) {
        return type == V1Patch.class ? PATCH : null;
    }

    /** A fresh copy of a well-known definition's schema. */
    static ObjectNode schema(String definition, Dialect dialect) {
        if (definition.equals(QUANTITY)) {
            return oneOf(dialect, QUANTITY_TEXT, null, "string", "number");
        } else if (definition.equals(INT_OR_STRING)) {
            return oneOf(dialect, INT_OR_STRING_TEXT, "int-or-string", "integer", "string")
                    .put("x-kubernetes-int-or-string", true);
        }
        ObjectNode schema = SCHEMAS.get(definition);
        if (schema == null) {
            throw new IllegalArgumentException("not a well-known definition: " + definition);
        }
        return schema.deepCopy();
    }

    private static ObjectNode string(String description, String format) {
        ObjectNode schema = Json.object().put("description", description).put("type", "string");
        return format == null ? schema : schema.put("format", format);
    }

    private static ObjectNode object(String description) {
        return Json.object().put("description", description).put("type", "object");
    }

    /**
     * A value that is one of two scalar types. Swagger 2 has no oneOf, so there it is a string (kubectl's
     * client-side validation lets any scalar pass as a string); OpenAPI 3 lists both types, and kubectl
     * explain then shows the type's own name (IntOrString, Quantity) rather than "string".
     */
    private static ObjectNode oneOf(Dialect dialect, String description, String format, String... types) {
        if (dialect == Dialect.SWAGGER_2) {
            return string(description, format);
        }
        ObjectNode schema = Json.object().put("description", description);
        if (format != null) {
            schema.put("format", format);
        }
        ArrayNode oneOf = schema.putArray("oneOf");
        for (String type : types) {
            oneOf.addObject().put("type", type);
        }
        return schema;
    }
}
