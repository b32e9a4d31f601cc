package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceType;
import io.skiff.api.patch.PatchMeta;
import io.skiff.api.patch.PatchMetas;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;
import io.skiff.kubectl.discovery.ApiResource;

import java.util.List;

/** What several commands do with a manifest object: find its resource, namespace and schema. */
public final class Objects {
    private Objects() {
    }

    public static ApiResource resource(Session s, JsonNode obj) {
        return s.discovery().forKind(obj.path("apiVersion").asText(), obj.path("kind").asText());
    }

    public static String name(JsonNode obj) {
        return obj.path("metadata").path("name").asText("");
    }

    /** Sets the object's namespace from {@code -n}/the context when it has none; refuses a clash with {@code -n}. */
    public static String namespace(Session s, ApiResource r, ObjectNode obj) {
        if (!r.namespaced()) {
            return null;
        }
        ObjectNode meta = obj.with("metadata");
        String own = meta.path("namespace").asText("");
        String ns = s.namespace();
        if (own.isEmpty()) {
            meta.put("namespace", ns);
            return ns;
        }
        if (s.namespaceExplicit() && !own.equals(ns)) {
            throw new KubectlException("the namespace from the provided object \"" + own + "\" does not match the namespace \""
                    + ns + "\". You must pass '--namespace=" + own + "' to perform this operation.");
        }
        return own;
    }

    /** The strategic-merge schema of a built-in kind (merge keys, patch strategies). */
    public static PatchMeta schema(ApiResource r) {
        return PatchMetas.of(new ResourceType(r.group(), r.version(), r.kind(), r.resource(), r.singular(), r.namespaced(),
                List.of(), List.of(), List.of(), null));
    }

    /** "pod/nginx" or "deployment.apps/web". */
    public static String ref(ApiResource r, String name) {
        return r.kindPrefix() + "/" + name;
    }
}
