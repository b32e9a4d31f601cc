package io.skiff.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

/** Success {@code Status} replies (failures come from {@code ApiException.toStatus()}). */
public final class Statuses {
    private Statuses() {
    }

    /** {@code {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success"}}, with a code when non-zero. */
    public static ObjectNode success(int code) {
        ObjectNode s = Json.object().put("kind", "Status").put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Success");
        if (code != 0) {
            s.put("code", code);
        }
        return s;
    }
}
