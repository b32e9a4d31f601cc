package io.skiff.apiserver.rest;

import io.skiff.api.errors.ApiException;

/** What to do with unknown or duplicate fields: the {@code fieldValidation} query parameter. */
public enum FieldValidation {
    STRICT, WARN, IGNORE;

    /** Kubernetes' default, when the parameter is absent, is Warn. */
    public static FieldValidation parse(String value) {
        if (value == null || value.isEmpty()) {
            return WARN;
        }
        return switch (value) {
            case "Strict" -> STRICT;
            case "Warn" -> WARN;
            case "Ignore" -> IGNORE;
            default -> throw ApiException.badRequest("fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\", got " + value);
        };
    }
}
