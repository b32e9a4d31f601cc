package io.skiff.apiserver.storage;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;

/**
 * Whether two trees hold the same object. Numbers compare by value: a tree decoded from the
 * store holds ints where one built from a model class holds longs.
 */
public final class SameContent {
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private SameContent() {
    }

    public static boolean same(JsonNode a, JsonNode b) {
        return a.equals(NUMBERS_BY_VALUE, b);
    }
}
