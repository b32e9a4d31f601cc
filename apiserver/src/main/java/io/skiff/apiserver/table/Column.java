package io.skiff.apiserver.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

/**
 * One printed column. {@code priority} 0 shows by default, 1 only with {@code -o wide}.
 *
 * @param type   integer, number, string, boolean or date
 * @param format "name" for the NAME column, else ""
 */
public record Column(String name, String type, String format, String description, int priority) {

    public static final Column NAME = new Column("Name", "string", "name", "Name must be unique within a namespace.", 0);
    public static final Column AGE = new Column("Age", "string", "",
            "CreationTimestamp is a timestamp representing the server time when this object was created.", 0);

    public static Column string(String name, String description) {
        return new Column(name, "string", "", description, 0);
    }

    public static Column integer(String name, String description) {
        return new Column(name, "integer", "", description, 0);
    }

    public static Column wide(String name, String description) {
        return new Column(name, "string", "", description, 1);
    }

    public ObjectNode toJson() {
        return Json.object().put("name", name).put("type", type).put("format", format)
                .put("description", description).put("priority", priority);
    }
}
