package io.skiff.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

/**
 * One change of one object as watchers see it. The JSON form is computed once and shared by
 * every watcher that receives the event unchanged.
 *
 * @param object     the object after the change (for DELETED: the last state, with the delete's resourceVersion)
 * @param prevObject the object before the change, or null
 */
public record ObjectEvent(Type type, ObjectNode object, ObjectNode prevObject, long revision, byte[][] jsonCache) {

    public enum Type { ADDED, MODIFIED, DELETED, BOOKMARK, ERROR }

    public ObjectEvent(Type type, ObjectNode object, ObjectNode prevObject, long revision) {
        this(type, object, prevObject, revision, new byte[1][]);
    }

    /** The same change re-typed for a watcher whose selector it enters or leaves. */
    public ObjectEvent as(Type newType) {
        return newType == type ? this : new ObjectEvent(newType, object, prevObject, revision);
    }

    /** {@code {"type":…,"object":…}} followed by a newline, as a watch stream line. */
    public byte[] jsonLine() {
        byte[] cached = jsonCache[0];
        if (cached == null) {
            ObjectNode line = Json.object();
            line.put("type", type.name());
            line.set("object", object);
            byte[] body = Json.bytes(line);
            cached = java.util.Arrays.copyOf(body, body.length + 1);
            cached[body.length] = '\n';
            jsonCache[0] = cached; // benign race: every thread computes the same bytes
        }
        return cached;
    }
}
