package io.skiff.api.validation;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the JSON fields a client sent that the model does not know. fabric8 keeps such fields in
 * each object's {@code additionalProperties} instead of failing, so this walks the decoded object
 * graph generically and reports each one by the path Kubernetes' strict decoding uses
 * ({@code spec.containers[0].imagePullPolizy}).
 */
public final class UnknownFields {
    private static final Map<Class<?>, Method> ADDITIONAL = new ConcurrentHashMap<>();
    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private UnknownFields() {
    }

    /** Paths of every unknown field, outermost first. */
    public static List<String> find(HasMetadata obj) {
        List<String> out = new ArrayList<>();
        walk(obj, "", out);
        return out;
    }

    /**
     * The message Kubernetes answers with (fieldValidation=Strict, kubectl's default):
     * {@code strict decoding error: unknown field "spec.foo", unknown field "spec.bar"}.
     */
    public static String strictDecodingError(List<String> paths) {
        StringBuilder sb = new StringBuilder("strict decoding error: ");
        for (int i = 0; i < paths.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(warning(paths.get(i)));
        }
        return sb.toString();
    }

    /** One field as Kubernetes words it in a warning (fieldValidation=Warn): {@code unknown field "spec.foo"}. */
    public static String warning(String path) {
        return "unknown field \"" + path + "\"";
    }

    private static void walk(Object value, String path, List<String> out) {
        if (value == null || isLeaf(value.getClass())) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object e : list) {
                walk(e, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getValue(), join(path, String.valueOf(e.getKey())), out);
            }
            return;
        }
        Method additional = additionalProperties(value.getClass());
        if (additional == NONE) {
            return;
        }
        for (Object key : additionalOf(value, additional).keySet()) {
            out.add(join(path, String.valueOf(key)));
        }
        for (ModelProperties.Property p : ModelProperties.of(value.getClass())) {
            walk(p.get(value), join(path, p.name()), out);
        }
    }

    /**
     * Values that are not model objects, or whose extra fields are content rather than mistakes:
     * quantities and int-or-strings (custom decoding), free-form holders such as FieldsV1 (no declared
     * fields at all) and generic resources.
     */
    private static boolean isLeaf(Class<?> type) {
        if (type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.")) {
            return !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type);
        }
        if (Quantity.class.isAssignableFrom(type) || AnyType.class.isAssignableFrom(type)
                || GenericKubernetesResource.class.isAssignableFrom(type)) {
            return true;
        }
        JsonDeserialize custom = type.getAnnotation(JsonDeserialize.class);
        if (custom != null && custom.using() != com.fasterxml.jackson.databind.JsonDeserializer.None.class) {
            return true;
        }
        return ModelProperties.of(type).isEmpty();
    }

    private static Method additionalProperties(Class<?> type) {
        return ADDITIONAL.computeIfAbsent(type, t -> {
            try {
                Method m = t.getMethod("getAdditionalProperties");
                return Map.class.isAssignableFrom(m.getReturnType()) ? m : NONE;
            } catch (NoSuchMethodException e) {
                return NONE;
            }
        });
    }

    private static Map<?, ?> additionalOf(Object value, Method m) {
        try {
            Object map = m.invoke(value);
            return map instanceof Map<?, ?> mm ? mm : Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read unknown fields of " + value.getClass().getName(), e);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
