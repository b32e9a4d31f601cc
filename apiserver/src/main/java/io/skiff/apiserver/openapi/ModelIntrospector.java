package io.skiff.apiserver.openapi;

import com.google.gson.annotations.SerializedName;
import io.swagger.annotations.ApiModel;
import io.swagger.annotations.ApiModelProperty;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads client-java model classes: JSON names from gson's {@code @SerializedName} on the fields,
 * descriptions and required flags from swagger's {@code @ApiModel}/{@code @ApiModelProperty}, which
 * client-java puts on the class and on each getter.
 */
final class ModelIntrospector {
    private static final String MODEL_PACKAGE = "io.kubernetes.client.openapi.models";

    private ModelIntrospector() {
    }

    static boolean isModel(Class<?> type) {
        return MODEL_PACKAGE.equals(type.getPackageName()) && !type.isEnum();
    }

    static String description(Class<?> model) {
        ApiModel annotation = model.getAnnotation(ApiModel.class);
        return annotation == null ? null : blankToNull(annotation.description());
    }

    /** The properties in JSON-name order, so that a document's bytes (and its hash) do not depend on reflection order. */
    static List<ModelProperty> properties(Class<?> model) {
        List<ModelProperty> properties = new ArrayList<>();
        for (Field field : model.getDeclaredFields()) {
            SerializedName json = field.getAnnotation(SerializedName.class);
            if (json == null || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            ApiModelProperty doc = getterOf(model, field);
            properties.add(new ModelProperty(json.value(), field.getGenericType(),
                    doc == null ? null : blankToNull(doc.value()), doc != null && doc.required()));
        }
        properties.sort(Comparator.comparing(ModelProperty::jsonName));
        return properties;
    }

    /** The model classes a class's properties mention, directly or inside lists and maps. */
    static Set<Class<?>> referencedModels(Class<?> model) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (ModelProperty property : properties(model)) {
            collectModels(property.javaType(), found);
        }
        return found;
    }

    private static void collectModels(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectModels(argument, found);
            }
        } else if (type instanceof Class<?> c && isModel(c)) {
            found.add(c);
        }
    }

    // client-java escapes Java keywords with a leading underscore (_continue, _object); the getter does not.
    private static ApiModelProperty getterOf(Class<?> model, Field field) {
        String name = field.getName().startsWith("_") ? field.getName().substring(1) : field.getName();
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : List.of("get" + suffix, "is" + suffix)) {
            try {
                Method method = model.getMethod(getter);
                return method.getAnnotation(ApiModelProperty.class);
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
