package io.skiff.api.defaults;

import io.fabric8.kubernetes.api.model.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets: type Opaque, and stringData folded into data as Kubernetes does on decoding, so the
 * plain-text form is never stored or returned.
 */
final class SecretDefaults {
    private SecretDefaults() {
    }

    static void apply(Secret secret) {
        if (ContainerDefaults.isEmpty(secret.getType())) {
            secret.setType("Opaque");
        }
        Map<String, String> stringData = secret.getStringData();
        if (stringData != null && !stringData.isEmpty()) {
            Map<String, String> data = secret.getData() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(secret.getData());
            stringData.forEach((k, v) -> data.put(k,
                    Base64.getEncoder().encodeToString((v == null ? "" : v).getBytes(StandardCharsets.UTF_8))));
            secret.setData(data);
            secret.setStringData(null);
        }
    }
}
