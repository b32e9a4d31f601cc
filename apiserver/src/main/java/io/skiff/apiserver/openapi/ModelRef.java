package io.skiff.apiserver.openapi;

import java.util.List;

/**
 * A client-java model class a document describes.
 *
 * @param model the class, e.g. {@code V1Pod}
 * @param group the API group that owns it; names the package of the types it reaches that client-java
 *              does not place itself (see {@link DefinitionNames})
 * @param kinds what the definition is served as; empty for types that are no kind
 */
record ModelRef(Class<?> model, String group, List<GroupVersionKind> kinds) {
}
