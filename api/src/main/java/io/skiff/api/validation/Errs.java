package io.skiff.api.validation;

import io.skiff.api.errors.FieldError;

import java.util.Collection;

/**
 * Builds {@link FieldError}s with Kubernetes' wording from {@link FieldPath}s. Values are
 * rendered by {@link GoValue}, so composite values (maps, selectors) print as Go prints them.
 */
public final class Errs {
    private Errs() {
    }

    public static FieldError required(FieldPath path, String detail) {
        return FieldError.required(path.toString(), detail);
    }

    public static FieldError forbidden(FieldPath path, String detail) {
        return FieldError.forbidden(path.toString(), detail);
    }

    public static FieldError tooLong(FieldPath path, int max) {
        return FieldError.tooLong(path.toString(), null, max);
    }

    public static FieldError invalid(FieldPath path, Object value, String detail) {
        return new FieldError("FieldValueInvalid", path.toString(),
                "Invalid value: " + GoValue.render(value) + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    }

    public static FieldError duplicate(FieldPath path, Object value) {
        return new FieldError("FieldValueDuplicate", path.toString(), "Duplicate value: " + GoValue.render(value));
    }

    /** A duplicate with Kubernetes' explanation appended, as for node taints. */
    public static FieldError duplicate(FieldPath path, Object value, String detail) {
        return new FieldError("FieldValueDuplicate", path.toString(), "Duplicate value: " + GoValue.render(value) + ": " + detail);
    }

    public static FieldError notFound(FieldPath path, Object value) {
        return new FieldError("FieldValueNotFound", path.toString(), "Not found: " + GoValue.render(value));
    }

    public static FieldError notSupported(FieldPath path, Object value, Collection<String> supported) {
        StringBuilder sb = new StringBuilder("Unsupported value: ").append(GoValue.render(value));
        if (supported != null && !supported.isEmpty()) {
            sb.append(": supported values: ");
            int i = 0;
            for (String s : supported) {
                sb.append(i++ > 0 ? ", " : "").append(GoValue.quote(s));
            }
        }
        return new FieldError("FieldValueNotSupported", path.toString(), sb.toString());
    }

    public static FieldError tooMany(FieldPath path, int actual, int max) {
        return new FieldError("FieldValueTooMany", path.toString(),
                "Too many: " + actual + ": must have at most " + max + " items");
    }

    /** Kubernetes' "field is immutable" error. */
    public static FieldError immutable(FieldPath path, Object newValue) {
        return invalid(path, newValue, "field is immutable");
    }
}
