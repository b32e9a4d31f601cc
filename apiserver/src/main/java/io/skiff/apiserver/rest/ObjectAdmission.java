package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.defaults.Defaults;
import io.skiff.api.errors.ApiException;
import io.skiff.api.errors.FieldError;
import io.skiff.api.validation.UnknownFields;
import io.skiff.api.validation.Validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns what a client sent into what may be stored: decoded into the kind's model (type errors
 * are 400s), unknown fields rejected or dropped with a warning, Kubernetes defaults applied,
 * then validated (422 with every field error). Works on trees in, trees out.
 */
final class ObjectAdmission {
    private ObjectAdmission() {
    }

    /**
     * The object as its kind's model sees it: type errors are 400s, unknown fields are handled
     * per {@code fv}. Strategies only ever touch trees that passed through here.
     */
    static ObjectNode normalize(ResourceType type, ObjectNode obj, FieldValidation fv, Consumer<String> warn) {
        return Json.tree(decode(type, obj, fv, warn));
    }

    /** Defaults and validates a new, already {@link #normalize normalized} object; returns the object to store. */
    static ObjectNode admitCreate(ResourceType type, ObjectNode obj) {
        HasMetadata typed = convert(type, obj);
        Defaults.apply(type, typed);
        List<FieldError> errors = Validation.validate(type, typed);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(type.group(), type.kind(), typed.getMetadata() == null ? "" : typed.getMetadata().getName(), errors);
        }
        return Json.tree(typed);
    }

    /** Defaults and validates a normalized update against the stored object. */
    static ObjectNode admitUpdate(ResourceType type, ObjectNode obj, ObjectNode old) {
        HasMetadata typed = convert(type, obj);
        Defaults.apply(type, typed);
        HasMetadata oldTyped = Json.convert(old, type.model());
        List<FieldError> errors = new ArrayList<>(Validation.validate(type, typed));
        for (FieldError e : Validation.validateUpdate(type, typed, oldTyped)) {
            if (!errors.contains(e)) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(type.group(), type.kind(), typed.getMetadata() == null ? "" : typed.getMetadata().getName(), errors);
        }
        return Json.tree(typed);
    }

    /** The object as its model class, with unknown fields handled per {@code fv}. */
    static HasMetadata decode(ResourceType type, ObjectNode obj, FieldValidation fv, Consumer<String> warn) {
        HasMetadata typed = convert(type, obj);
        List<String> unknown = UnknownFields.find(typed);
        if (unknown.isEmpty()) {
            return typed;
        }
        if (fv == FieldValidation.STRICT) {
            List<String> parts = new ArrayList<>();
            unknown.forEach(u -> parts.add("unknown field \"" + u + "\""));
            throw ApiException.badRequest("strict decoding error: " + String.join(", ", parts));
        }
        if (fv == FieldValidation.WARN) {
            unknown.forEach(u -> warn.accept("unknown field \"" + u + "\""));
        }
        ObjectNode clean = obj.deepCopy();
        unknown.forEach(u -> JsonPaths.remove(clean, u));
        return convert(type, clean);
    }

    private static HasMetadata convert(ResourceType type, ObjectNode obj) {
        try {
            return Json.convert(obj, type.model());
        } catch (IllegalArgumentException e) {
            String detail = e.getMessage();
            if (e.getCause() instanceof JsonMappingException jme) {
                detail = "cannot decode field \"" + path(jme) + "\": " + jme.getOriginalMessage();
            }
            throw ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
                    + type.kind() + ": " + detail);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
