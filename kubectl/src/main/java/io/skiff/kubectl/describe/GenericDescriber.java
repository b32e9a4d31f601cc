package io.skiff.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Session;

/** Kinds without a describer of their own: identity, labels, annotations and events. */
final class GenericDescriber implements Describer {
    @Override
    public String describe(Session s, JsonNode obj) {
        Out w = new Out();
        JsonNode meta = obj.path("metadata");
        w.line(0, "Name:\t" + meta.path("name").asText());
        if (meta.hasNonNull("namespace")) {
            w.line(0, "Namespace:\t" + meta.path("namespace").asText());
        }
        w.map(0, "Labels", meta.path("labels"), false);
        w.map(0, "Annotations", meta.path("annotations"), true);
        w.line(0, "API Version:\t" + obj.path("apiVersion").asText());
        w.line(0, "Kind:\t" + obj.path("kind").asText());
        Events.describe(s, w, obj, true);
        return w.text();
    }
}
