package io.skiff.apiserver.openapi;

import java.lang.reflect.Type;

/** One JSON property of a client-java model class; {@code description} is null where client-java has none. */
record ModelProperty(String jsonName, Type javaType, String description, boolean required) {
}
