package io.skiff.apiserver.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceType;
import io.skiff.apiserver.table.TablePrinter;

/**
 * A resource's own behaviour, kept apart from the generic REST handler: what create and update
 * may change, how deletion is graceful, and how the resource prints. Kubernetes defaults and
 * validation come from {@code io.skiff.api.defaults} / {@code io.skiff.api.validation}.
 */
public interface ResourceStrategy {

    ResourceType type();

    default TablePrinter printer() {
        return TablePrinter.DEFAULT;
    }

    /** Before defaulting a new object: clear what clients may not set (status, for most kinds). */
    default void prepareForCreate(ObjectNode obj) {
    }

    /** Before validating an update of the main resource: status stays as stored; spec changes bump generation. */
    default void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        if (type().hasSubresource("status")) {
            copyField(old, obj, "status");
        }
        if (obj.has("spec") && !obj.path("spec").equals(old.path("spec"))) {
            long gen = old.path("metadata").path("generation").asLong(1);
            obj.with("metadata").put("generation", gen + 1);
        }
    }

    /** Before validating a /status update: everything but status stays as stored. */
    default void prepareForStatusUpdate(ObjectNode obj, ObjectNode old) {
        JsonNode status = obj.get("status");
        ObjectNode metadata = (ObjectNode) obj.get("metadata");
        obj.removeAll();
        obj.setAll(old.deepCopy());
        if (status != null) {
            obj.set("status", status);
        } else {
            obj.remove("status");
        }
        // labels/annotations may change through /status too, as in Kubernetes
        if (metadata != null) {
            copyField(metadata, obj.with("metadata"), "labels");
            copyField(metadata, obj.with("metadata"), "annotations");
            copyField(metadata, obj.with("metadata"), "resourceVersion");
        }
    }

    /**
     * How long deletion of {@code obj} waits (seconds), 0 = now. {@code requested} is the
     * client's gracePeriodSeconds or null.
     */
    default long gracePeriod(ObjectNode obj, Long requested) {
        return 0;
    }

    /** Kubernetes answers a delete with the object for some kinds and with a Status for the rest. */
    default boolean returnsDeletedObject() {
        return false;
    }

    /** Whether the object carries {@code metadata.generation}. */
    default boolean tracksGeneration() {
        return true;
    }

    /** Copies {@code field} of {@code from} into {@code to}, or removes it from {@code to} if absent. */
    static void copyField(JsonNode from, ObjectNode to, String field) {
        JsonNode v = from.get(field);
        if (v == null) {
            to.remove(field);
        } else {
            to.set(field, v.deepCopy());
        }
    }
}
