package io.skiff.api.patch;

import io.skiff.api.errors.ApiException;

import java.util.function.Supplier;

/** The special keys of a strategic merge patch and the values of {@code $patch}. */
final class Directives {
    static final String PATCH = "$patch";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

    static final String REPLACE = "replace";
    static final String DELETE = "delete";
    /** Kubernetes 1.32 rejects {@code merge}; Skiff accepts it as the explicit default. */
    static final String MERGE = "merge";

    private Directives() {
    }

    /** Like Kubernetes, anything starting with the prefix is the directive, well-formed or not. */
    static boolean isSetElementOrder(String key) {
        return key.startsWith(SET_ELEMENT_ORDER);
    }

    static boolean isDeleteFromPrimitiveList(String key) {
        return key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
    }

    /** The list named by {@code $setElementOrder/<list>}. */
    static String setElementOrderList(String key) {
        return listName(key, SET_ELEMENT_ORDER, PatchErrors::badSetElementOrder);
    }

    /** The list named by {@code $deleteFromPrimitiveList/<list>}. */
    static String deleteFromPrimitiveList(String key) {
        return listName(key, DELETE_FROM_PRIMITIVE_LIST, PatchErrors::badPrimitiveList);
    }

    private static String listName(String key, String prefix, Supplier<ApiException> malformed) {
        if (!key.startsWith(prefix + "/")) {
            throw malformed.get();
        }
        return key.substring(prefix.length() + 1);
    }
}
