package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

/** A group, version and kind as {@code x-kubernetes-group-version-kind} spells it; group "" is the core group. */
record GroupVersionKind(String group, String version, String kind) {

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("group", group).put("kind", kind).put("version", version);
        return node;
    }
}
