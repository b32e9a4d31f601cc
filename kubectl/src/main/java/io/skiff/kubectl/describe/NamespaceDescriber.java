package io.skiff.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Session;

/** {@code kubectl describe namespace} (quotas and limit ranges are not served, so not shown). */
final class NamespaceDescriber implements Describer {
    @Override
    public String describe(Session s, JsonNode ns) {
        Out w = new Out();
        w.line(0, "Name:\t" + ns.path("metadata").path("name").asText());
        w.map(0, "Labels", ns.path("metadata").path("labels"), false);
        w.map(0, "Annotations", ns.path("metadata").path("annotations"), true);
        w.line(0, "Status:\t" + ns.path("status").path("phase").asText(""));
        return w.text();
    }
}
