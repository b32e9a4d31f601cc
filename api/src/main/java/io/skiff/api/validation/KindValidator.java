package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.skiff.api.errors.FieldError;

import java.util.List;

/** Validation of one kind, for create and for update. */
interface KindValidator<T extends HasMetadata> {
    Class<T> model();

    List<FieldError> validate(T obj);

    List<FieldError> validateUpdate(T newObj, T oldObj);
}
