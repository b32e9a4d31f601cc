package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns client-java model classes into Kubernetes-style component schemas: one definition per type,
 * named as Kubernetes names it, for the given roots and every type they reach.
 */
final class SchemaGenerator {
    private final Dialect dialect;

    SchemaGenerator(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The definitions of the roots and of everything they reference, by definition name. */
    SortedMap<String, ObjectNode> definitions(Collection<ModelRef> roots) {
        return new Run(roots).definitions;
    }

    /** The definition name a root is described under, for the operations that point at it. */
    static String nameOf(ModelRef root) {
        String wellKnown = WellKnownTypes.definitionOf(root.model());
        return wellKnown != null ? wellKnown : DefinitionNames.of(root.model(), root.group());
    }

    /** One generation: the queue of types still to describe and what has been described so far. */
    private final class Run {
        private final SortedMap<String, ObjectNode> definitions = new TreeMap<>();
        private final Map<String, Class<?>> describedAs = new HashMap<>();
        private final Deque<ModelRef> pending = new ArrayDeque<>();

        Run(Collection<ModelRef> roots) {
            for (ModelRef root : roots) {
                String wellKnown = WellKnownTypes.definitionOf(root.model());
                if (wellKnown != null) {
                    definitions.put(wellKnown, WellKnownTypes.schema(wellKnown, dialect));
                } else {
                    enqueue(root);
                }
            }
            while (!pending.isEmpty()) {
                ModelRef next = pending.pop();
                definitions.put(nameOf(next), modelSchema(next));
            }
        }

        /** Queues a model once; two classes claiming one name would make one silently vanish, so that fails. */
        private String enqueue(ModelRef ref) {
            String name = nameOf(ref);
            Class<?> previous = describedAs.putIfAbsent(name, ref.model());
            if (previous == null) {
                pending.push(ref);
            } else if (previous != ref.model()) {
                throw new IllegalStateException(name + " names both " + previous.getName() + " and " + ref.model().getName());
            }
            return name;
        }

        private ObjectNode modelSchema(ModelRef ref) {
            String name = nameOf(ref);
            ObjectNode schema = Json.object();
            String description = ModelIntrospector.description(ref.model());
            if (description != null) {
                schema.put("description", description);
            }
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = Json.MAPPER.createArrayNode();
            for (ModelProperty property : ModelIntrospector.properties(ref.model())) {
                ObjectNode propertySchema = describe(typeSchema(ref, property.jsonName(), property.javaType()),
                        property.description());
                PatchStrategies.of(name, property.jsonName()).ifPresent(strategy -> {
                    if (strategy.mergeKey() != null) {
                        propertySchema.put("x-kubernetes-patch-merge-key", strategy.mergeKey());
                    }
                    propertySchema.put("x-kubernetes-patch-strategy", strategy.strategy());
                });
                properties.set(property.jsonName(), propertySchema);
                if (property.required()) {
                    required.add(property.jsonName());
                }
            }
            if (!required.isEmpty()) {
                schema.set("required", required);
            }
            if (!ref.kinds().isEmpty()) {
                ArrayNode kinds = schema.putArray("x-kubernetes-group-version-kind");
                ref.kinds().forEach(kind -> kinds.add(kind.toJson()));
            }
            return schema;
        }

        private ObjectNode describe(ObjectNode schema, String description) {
            if (description == null) {
                return schema;
            }
            if (schema.size() == 1 && schema.has("$ref")) {
                return dialect.describedRef(schema, description);
            }
            ObjectNode described = Json.object().put("description", description);
            described.setAll(schema);
            return described;
        }

        /** The schema of a Java type met as property {@code jsonName} of {@code owner} (or inside its list/map). */
        private ObjectNode typeSchema(ModelRef owner, String jsonName, Type type) {
            if (type instanceof ParameterizedType parameterized) {
                Type[] arguments = parameterized.getActualTypeArguments();
                if (parameterized.getRawType() == List.class) {
                    ObjectNode array = Json.object().put("type", "array");
                    array.set("items", typeSchema(owner, jsonName, arguments[0]));
                    return array;
                }
                if (parameterized.getRawType() == Map.class) {
                    ObjectNode map = Json.object().put("type", "object");
                    map.set("additionalProperties", typeSchema(owner, jsonName, arguments[1]));
                    return map;
                }
            } else if (type instanceof Class<?> c) {
                String wellKnown = WellKnownTypes.definitionOf(owner.model(), jsonName, c);
                if (wellKnown != null) {
                    definitions.putIfAbsent(wellKnown, WellKnownTypes.schema(wellKnown, dialect));
                    return dialect.ref(wellKnown);
                }
                if (ModelIntrospector.isModel(c)) {
                    return dialect.ref(enqueue(new ModelRef(c, owner.group(), List.of())));
                }
                ObjectNode scalar = scalarSchema(c);
                if (scalar != null) {
                    return scalar;
                }
            }
            throw new IllegalStateException("no schema for " + type + " in " + owner.model().getSimpleName() + "." + jsonName);
        }

        private ObjectNode scalarSchema(Class<?> c) {
            if (c == String.class) {
                return Json.object().put("type", "string");
            } else if (c == Integer.class || c == int.class) {
                return Json.object().put("type", "integer").put("format", "int32");
            } else if (c == Long.class || c == long.class) {
                return Json.object().put("type", "integer").put("format", "int64");
            } else if (c == Boolean.class || c == boolean.class) {
                return Json.object().put("type", "boolean");
            } else if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
                return Json.object().put("type", "number").put("format", "double");
            } else if (c == BigDecimal.class) {
                return Json.object().put("type", "number");
            } else if (c == byte[].class) {
                return Json.object().put("type", "string").put("format", "byte");
            } else if (c == Object.class) {
                return Json.object().put("type", "object");
            } else if (c.isEnum()) {
                ObjectNode schema = Json.object().put("type", "string");
                ArrayNode values = schema.putArray("enum");
                for (Object constant : c.getEnumConstants()) {
                    values.add(constant.toString());
                }
                return schema;
            }
            return null;
        }
    }
}
