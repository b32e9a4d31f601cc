package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/** A container's env and envFrom. */
final class EnvValidator {
    private EnvValidator() {
    }

    static List<FieldError> env(List<EnvVar> vars, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; vars != null && i < vars.size(); i++) {
            EnvVar ev = vars.get(i);
            FieldPath idx = path.index(i);
            String name = ev.getName() == null ? "" : ev.getName();
            if (name.isEmpty()) {
                errs.add(Errs.required(idx.child("name"), ""));
            } else {
                for (String msg : Formats.envVarName(name)) {
                    errs.add(Errs.invalid(idx.child("name"), name, msg));
                }
            }
            if (ev.getValueFrom() != null) {
                errs.addAll(valueFrom(ev, idx.child("valueFrom")));
            }
        }
        return errs;
    }

    private static List<FieldError> valueFrom(EnvVar ev, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        EnvVarSource src = ev.getValueFrom();
        int n = 0;
        if (src.getFieldRef() != null) {
            n++;
            errs.addAll(DownwardApiValidator.fieldSelector(src.getFieldRef(), DownwardApiValidator.ENV_FIELDS, path.child("fieldRef")));
        }
        if (src.getResourceFieldRef() != null) {
            n++;
            errs.addAll(DownwardApiValidator.resourceSelector(src.getResourceFieldRef(), false, path.child("resourceFieldRef")));
        }
        if (src.getConfigMapKeyRef() != null) {
            n++;
            ConfigMapKeySelector s = src.getConfigMapKeyRef();
            errs.addAll(keySelector(s.getName(), s.getKey(), path.child("configMapKeyRef")));
        }
        if (src.getSecretKeyRef() != null) {
            n++;
            SecretKeySelector s = src.getSecretKeyRef();
            errs.addAll(keySelector(s.getName(), s.getKey(), path.child("secretKeyRef")));
        }
        if (n == 0) {
            errs.add(Errs.invalid(path, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
        } else if (ev.getValue() != null && !ev.getValue().isEmpty()) {
            errs.add(Errs.invalid(path, "", "may not be specified when `value` is not empty"));
        } else if (n > 1) {
            errs.add(Errs.invalid(path, "", "may not have more than one field specified at a time"));
        }
        return errs;
    }

    private static List<FieldError> keySelector(String name, String key, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String n = name == null ? "" : name;
        for (String msg : NameValidator.DNS_SUBDOMAIN.check(n, false)) {
            errs.add(Errs.invalid(path.child("name"), n, msg));
        }
        if (key == null || key.isEmpty()) {
            errs.add(Errs.required(path.child("key"), ""));
        } else {
            for (String msg : Formats.configMapKey(key)) {
                errs.add(Errs.invalid(path.child("key"), key, msg));
            }
        }
        return errs;
    }

    static List<FieldError> envFrom(List<EnvFromSource> sources, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; sources != null && i < sources.size(); i++) {
            EnvFromSource src = sources.get(i);
            FieldPath idx = path.index(i);
            if (src.getPrefix() != null && !src.getPrefix().isEmpty()) {
                for (String msg : Formats.envVarName(src.getPrefix())) {
                    errs.add(Errs.invalid(idx.child("prefix"), src.getPrefix(), msg));
                }
            }
            int n = 0;
            if (src.getConfigMapRef() != null) {
                n++;
                errs.addAll(sourceName(src.getConfigMapRef().getName(), idx.child("configMapRef")));
            }
            if (src.getSecretRef() != null) {
                n++;
                errs.addAll(sourceName(src.getSecretRef().getName(), idx.child("secretRef")));
            }
            // Kubernetes reports these two on the list, not on the entry.
            if (n == 0) {
                errs.add(Errs.invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
            } else if (n > 1) {
                errs.add(Errs.invalid(path, "", "may not have more than one field specified at a time"));
            }
        }
        return errs;
    }

    private static List<FieldError> sourceName(String name, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            errs.add(Errs.required(path.child("name"), ""));
        } else {
            for (String msg : NameValidator.DNS_SUBDOMAIN.check(name, true)) {
                errs.add(Errs.invalid(path.child("name"), name, msg));
            }
        }
        return errs;
    }
}
