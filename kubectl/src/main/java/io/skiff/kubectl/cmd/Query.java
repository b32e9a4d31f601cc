package io.skiff.kubectl.cmd;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A query string built in the order the parameters are added, encoded as Go's url.Values. */
public final class Query {
    private final List<String> parts = new ArrayList<>();

    public Query add(String key, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return this;
    }

    public String on(String path) {
        return parts.isEmpty() ? path : path + "?" + String.join("&", parts);
    }
}
