package io.skiff.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code pod-template-hash} of a Deployment's ReplicaSets: FNV-32a over the template (in a
 * canonical JSON form) and the collision count, spelled with Kubernetes' safe alphabet, so
 * that names look like Kubernetes' ({@code web-7c5ddbdf54}).
 */
final class PodTemplateHash {
    static final String LABEL = "pod-template-hash";
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private PodTemplateHash() {
    }

    static String of(PodTemplateSpec template, Integer collisionCount) {
        int hash = 0x811c9dc5;
        byte[] bytes = canonical(template);
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        if (collisionCount != null) {
            // the count's 4 bytes, little-endian, as an extra input to the same hash
            for (int i = 0; i < 4; i++) {
                hash ^= (collisionCount >>> (8 * i)) & 0xff;
                hash *= 0x01000193;
            }
        }
        String decimal = Long.toString(hash & 0xffffffffL);
        StringBuilder safe = new StringBuilder(decimal.length());
        for (char c : decimal.toCharArray()) {
            safe.append(ALPHABET.charAt(c % ALPHABET.length()));
        }
        return safe.toString();
    }

    /** Whether two templates are equal once the {@code pod-template-hash} label is ignored. */
    static boolean equalIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
        return tree(withoutHash(a)).equals(tree(withoutHash(b)));
    }

    /** A copy of the template without the hash label. */
    static PodTemplateSpec withoutHash(PodTemplateSpec template) {
        PodTemplateSpec copy = SERIALIZATION.clone(template);
        if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
            Map<String, String> labels = new HashMap<>(copy.getMetadata().getLabels());
            labels.remove(LABEL);
            copy.getMetadata().setLabels(labels);
        }
        return copy;
    }

    private static JsonNode tree(PodTemplateSpec t) {
        return CANONICAL.valueToTree(SERIALIZATION.convertValue(t, Map.class));
    }

    private static byte[] canonical(PodTemplateSpec template) {
        try {
            Object plain = SERIALIZATION.convertValue(template, Map.class);
            return CANONICAL.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialize pod template", e);
        }
    }
}
