package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/** ServiceAccounts: metadata only. */
final class ServiceAccountValidator implements KindValidator<ServiceAccount> {
    private static final FieldPath METADATA = FieldPath.root("metadata");

    @Override
    public Class<ServiceAccount> model() {
        return ServiceAccount.class;
    }

    @Override
    public List<FieldError> validate(ServiceAccount sa) {
        return MetadataValidator.validate(sa.getMetadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA);
    }

    @Override
    public List<FieldError> validateUpdate(ServiceAccount n, ServiceAccount o) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(n.getMetadata(), o.getMetadata(), METADATA));
        errs.addAll(validate(n));
        return errs;
    }
}
