package io.skiff.api.validation;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.skiff.api.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON properties of a model class as Jackson sees them (names from {@code @JsonProperty},
 * read through the getters), cached per class. Lets validators walk fabric8 objects generically.
 */
final class ModelProperties {
    /** One JSON property: its name and how to read it. */
    record Property(String name, AnnotatedMember accessor) {
        Object get(Object bean) {
            return accessor.getValue(bean);
        }
    }

    private static final Map<Class<?>, List<Property>> CACHE = new ConcurrentHashMap<>();

    private ModelProperties() {
    }

    static List<Property> of(Class<?> type) {
        return CACHE.computeIfAbsent(type, ModelProperties::introspect);
    }

    private static List<Property> introspect(Class<?> type) {
        JavaType javaType = Json.MAPPER.constructType(type);
        BeanDescription desc = Json.MAPPER.getSerializationConfig().introspect(javaType);
        List<Property> props = new ArrayList<>();
        for (BeanPropertyDefinition def : desc.findProperties()) {
            AnnotatedMember accessor = def.getAccessor();
            if (accessor != null && !def.getName().equals("additionalProperties")) {
                accessor.fixAccess(true);
                props.add(new Property(def.getName(), accessor));
            }
        }
        return List.copyOf(props);
    }
}
