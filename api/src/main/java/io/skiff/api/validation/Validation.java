package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.skiff.api.ResourceType;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Kubernetes' validation of the served kinds, run by the API server after defaulting. An empty
 * list means the object may be stored; otherwise the errors become a 422 through
 * {@link io.skiff.api.errors.ApiException#invalid}.
 */
public final class Validation {
    private static final Map<Class<?>, KindValidator<?>> VALIDATORS = Stream.concat(Stream.<KindValidator<?>>of(
                    new NamespaceValidator(), new PodValidator(), new ServiceValidator(), new EndpointsValidator(),
                    new NodeValidator(), new EventValidator(), new ConfigMapValidator(), new SecretValidator(),
                    new ServiceAccountValidator(), new ReplicationControllerValidator(), new DeploymentValidator(),
                    new ReplicaSetValidator(), new LeaseValidator(), new EndpointSliceValidator(), new EventsV1Validator()),
                    RbacValidators.all().stream())
            .collect(Collectors.toUnmodifiableMap(KindValidator::model, Function.identity()));

    private Validation() {
    }

    /** Validates an object about to be created. */
    public static List<FieldError> validate(ResourceType type, HasMetadata obj) {
        return distinct(validator(type, obj).validate(type.model().cast(obj)));
    }

    /** Validates a replacement of {@code oldObj} (as stored) by {@code newObj}. */
    public static List<FieldError> validateUpdate(ResourceType type, HasMetadata newObj, HasMetadata oldObj) {
        KindValidator<HasMetadata> v = validator(type, newObj);
        return distinct(v.validateUpdate(type.model().cast(newObj), type.model().cast(oldObj)));
    }

    @SuppressWarnings("unchecked")
    private static KindValidator<HasMetadata> validator(ResourceType type, HasMetadata obj) {
        if (!type.model().isInstance(obj)) {
            throw new IllegalArgumentException(type.kind() + " expects " + type.model().getName() + ", got "
                    + (obj == null ? "null" : obj.getClass().getName()));
        }
        KindValidator<?> v = VALIDATORS.get(type.model());
        if (v == null) {
            throw new IllegalArgumentException("no validation for " + type.qualifiedPlural());
        }
        return (KindValidator<HasMetadata>) v;
    }

    /** Rules run along more than one path may report the same error twice; Kubernetes prints it once. */
    private static List<FieldError> distinct(List<FieldError> errs) {
        return new ArrayList<>(new LinkedHashSet<>(errs));
    }
}
