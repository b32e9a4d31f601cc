package io.skiff.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.print.GoJson;

/** The {@code kubectl.kubernetes.io/last-applied-configuration} annotation. */
public final class LastApplied {
    public static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    private LastApplied() {
    }

    /**
     * The manifest with the annotation set to the manifest itself (annotations emptied of the
     * annotation, as kubectl records it: sorted compact JSON and a newline).
     */
    public static ObjectNode annotate(ObjectNode manifest) {
        ObjectNode recorded = manifest.deepCopy();
        ObjectNode meta = recorded.with("metadata");
        ObjectNode annotations = meta.has("annotations") && meta.get("annotations").isObject()
                ? (ObjectNode) meta.get("annotations") : meta.putObject("annotations");
        annotations.remove(ANNOTATION);
        String json = GoJson.compact(recorded) + "\n";
        ObjectNode modified = manifest.deepCopy();
        ObjectNode mMeta = modified.with("metadata");
        ObjectNode mAnnotations = mMeta.has("annotations") && mMeta.get("annotations").isObject()
                ? (ObjectNode) mMeta.get("annotations") : mMeta.putObject("annotations");
        mAnnotations.put(ANNOTATION, json);
        return modified;
    }

    /** The parsed annotation of a live object, or null. */
    public static JsonNode of(JsonNode live) {
        JsonNode a = live.path("metadata").path("annotations").path(ANNOTATION);
        if (!a.isTextual() || a.asText().isBlank()) {
            return null;
        }
        return Codec.parse(a.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
