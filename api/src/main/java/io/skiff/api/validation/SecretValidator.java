package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Secret;
import io.skiff.api.Json;
import io.skiff.api.errors.FieldError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Secrets: config-key names, at most 1 MiB of data, and the keys each well-known type requires. */
final class SecretValidator implements KindValidator<Secret> {
    private static final FieldPath METADATA = FieldPath.root("metadata");
    private static final FieldPath DATA = FieldPath.root("data");

    @Override
    public Class<Secret> model() {
        return Secret.class;
    }

    @Override
    public List<FieldError> validate(Secret secret) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(secret.getMetadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        long total = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            for (String msg : Formats.configMapKey(e.getKey())) {
                errs.add(Errs.invalid(DATA.key(e.getKey()), e.getKey(), msg));
            }
            String badBase64 = base64Error(e.getValue());
            if (badBase64 != null) {
                // Kubernetes rejects this while decoding; the value itself is never echoed back.
                errs.add(Errs.invalid(DATA.key(e.getKey()), "<secret contents redacted>", badBase64));
            }
            total += ConfigMapValidator.decodedLength(e.getValue());
        }
        if (total > ConfigMapValidator.MAX_SIZE) {
            errs.add(Errs.tooLong(DATA, ConfigMapValidator.MAX_SIZE));
        }
        errs.addAll(typeRules(secret, data));
        return errs;
    }

    private static List<FieldError> typeRules(Secret secret, Map<String, String> data) {
        List<FieldError> errs = new ArrayList<>();
        String type = secret.getType() == null ? "" : secret.getType();
        switch (type) {
            case "kubernetes.io/service-account-token" -> {
                Map<String, String> ann = secret.getMetadata() == null || secret.getMetadata().getAnnotations() == null
                        ? Map.of() : secret.getMetadata().getAnnotations();
                String sa = ann.get("kubernetes.io/service-account.name");
                if (sa == null || sa.isEmpty()) {
                    errs.add(Errs.required(METADATA.child("annotations").key("kubernetes.io/service-account.name"), ""));
                }
            }
            case "kubernetes.io/dockercfg" -> errs.addAll(jsonKey(data, ".dockercfg"));
            case "kubernetes.io/dockerconfigjson" -> errs.addAll(jsonKey(data, ".dockerconfigjson"));
            case "kubernetes.io/basic-auth" -> {
                if (!data.containsKey("username") && !data.containsKey("password")) {
                    errs.add(Errs.required(DATA.key("username"), ""));
                    errs.add(Errs.required(DATA.key("password"), ""));
                }
            }
            case "kubernetes.io/ssh-auth" -> {
                if (ConfigMapValidator.decodedLength(data.get("ssh-privatekey")) == 0) {
                    errs.add(Errs.required(DATA.key("ssh-privatekey"), ""));
                }
            }
            case "kubernetes.io/tls" -> {
                if (!data.containsKey("tls.crt")) {
                    errs.add(Errs.required(DATA.key("tls.crt"), ""));
                }
                if (!data.containsKey("tls.key")) {
                    errs.add(Errs.required(DATA.key("tls.key"), ""));
                }
            }
            default -> {
            }
        }
        return errs;
    }

    /** Docker config secrets must hold well-formed JSON under their key. */
    private static List<FieldError> jsonKey(Map<String, String> data, String key) {
        if (!data.containsKey(key)) {
            return List.of(Errs.required(DATA.key(key), ""));
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(data.get(key) == null ? "" : data.get(key));
            if (!Json.MAPPER.readTree(bytes).isObject()) {
                return List.of(Errs.invalid(DATA.key(key), "<secret contents redacted>",
                        "json: cannot unmarshal non-object into Go value of type map[string]interface {}"));
            }
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of();
        } catch (IOException e) {
            return List.of(Errs.invalid(DATA.key(key), "<secret contents redacted>", "invalid character in JSON"));
        }
    }

    /** Go's wording for undecodable base64, or null. */
    private static String base64Error(String value) {
        if (value == null) {
            return null;
        }
        try {
            Base64.getDecoder().decode(value);
            return null;
        } catch (IllegalArgumentException e) {
            int at = 0;
            while (at < value.length() && isBase64Char(value.charAt(at))) {
                at++;
            }
            return "illegal base64 data at input byte " + Math.min(at, value.length());
        }
    }

    private static boolean isBase64Char(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    @Override
    public List<FieldError> validateUpdate(Secret n, Secret o) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(n.getMetadata(), o.getMetadata(), METADATA));
        String nt = n.getType() == null ? "" : n.getType();
        String ot = o.getType() == null ? "" : o.getType();
        if (!nt.equals(ot)) {
            errs.add(Errs.immutable(FieldPath.root("type"), nt));
        }
        if (Boolean.TRUE.equals(o.getImmutable())) {
            if (!Boolean.TRUE.equals(n.getImmutable())) {
                errs.add(Errs.forbidden(FieldPath.root("immutable"), "field is immutable when `immutable` is set"));
            }
            if (!Objects.equals(ConfigMapValidator.emptyAsNull(n.getData()), ConfigMapValidator.emptyAsNull(o.getData()))) {
                errs.add(Errs.forbidden(DATA, "field is immutable when `immutable` is set"));
            }
        }
        errs.addAll(validate(n));
        return errs;
    }
}
