package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.skiff.api.errors.FieldError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** ConfigMaps: file-name-safe keys, one key space across data and binaryData, at most 1 MiB. */
final class ConfigMapValidator implements KindValidator<ConfigMap> {
    /** ConfigMaps and Secrets share Kubernetes' 1 MiB limit (etcd's request size). */
    static final int MAX_SIZE = 1024 * 1024;
    private static final FieldPath METADATA = FieldPath.root("metadata");

    @Override
    public Class<ConfigMap> model() {
        return ConfigMap.class;
    }

    @Override
    public List<FieldError> validate(ConfigMap cm) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(cm.getMetadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        Map<String, String> data = cm.getData() == null ? Map.of() : cm.getData();
        Map<String, String> binary = cm.getBinaryData() == null ? Map.of() : cm.getBinaryData();
        long total = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            FieldPath p = FieldPath.root("data").key(e.getKey());
            for (String msg : Formats.configMapKey(e.getKey())) {
                errs.add(Errs.invalid(p, e.getKey(), msg));
            }
            if (binary.containsKey(e.getKey())) {
                errs.add(Errs.invalid(p, e.getKey(), "duplicate of key present in binaryData"));
            }
            total += e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        for (Map.Entry<String, String> e : binary.entrySet()) {
            for (String msg : Formats.configMapKey(e.getKey())) {
                errs.add(Errs.invalid(FieldPath.root("binaryData").key(e.getKey()), e.getKey(), msg));
            }
            total += decodedLength(e.getValue());
        }
        if (total > MAX_SIZE) {
            // The empty path: the limit is on the object as a whole.
            errs.add(Errs.tooLong(FieldPath.root(""), MAX_SIZE));
        }
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ConfigMap n, ConfigMap o) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(n.getMetadata(), o.getMetadata(), METADATA));
        if (Boolean.TRUE.equals(o.getImmutable())) {
            if (!Boolean.TRUE.equals(n.getImmutable())) {
                errs.add(Errs.forbidden(FieldPath.root("immutable"), "field is immutable when `immutable` is set"));
            }
            if (!Objects.equals(emptyAsNull(n.getData()), emptyAsNull(o.getData()))) {
                errs.add(Errs.forbidden(FieldPath.root("data"), "field is immutable when `immutable` is set"));
            }
            if (!Objects.equals(emptyAsNull(n.getBinaryData()), emptyAsNull(o.getBinaryData()))) {
                errs.add(Errs.forbidden(FieldPath.root("binaryData"), "field is immutable when `immutable` is set"));
            }
        }
        errs.addAll(validate(n));
        return errs;
    }

    /** Bytes a base64 value stands for; a value that is not base64 counts as its own length. */
    static long decodedLength(String base64) {
        if (base64 == null) {
            return 0;
        }
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return base64.length();
        }
    }

    static Map<String, String> emptyAsNull(Map<String, String> m) {
        return m == null || m.isEmpty() ? null : m;
    }
}
