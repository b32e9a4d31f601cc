package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.http.MediaTypes;
import io.skiff.apiserver.http.RequestBodies;

/** A delete's options, from its JSON body (as kubectl sends them) or from query parameters. */
record DeleteOptions(Long gracePeriodSeconds, String propagationPolicy, String preconditionUid,
                     String preconditionResourceVersion, boolean dryRun) {

    static DeleteOptions of(ApiRequest r, byte[] body) {
        JsonNode b = body.length == 0 ? null : RequestBodies.parse(body, jsonOrYaml(r.ctx.contentType()));
        Long grace = r.longQuery("gracePeriodSeconds");
        String policy = r.query("propagationPolicy");
        boolean dryRun = r.dryRun();
        String uid = null;
        String rv = null;
        if (b != null && b.isObject()) {
            if (b.hasNonNull("gracePeriodSeconds")) {
                if (!b.get("gracePeriodSeconds").canConvertToLong()) {
                    throw ApiException.badRequest("gracePeriodSeconds must be an integer");
                }
                grace = b.get("gracePeriodSeconds").asLong();
            }
            if (b.hasNonNull("propagationPolicy")) {
                policy = b.get("propagationPolicy").asText();
            }
            if (b.path("orphanDependents").asBoolean(false) && policy == null) {
                policy = "Orphan";
            }
            for (JsonNode d : b.path("dryRun")) {
                if (!d.asText().equals("All")) {
                    throw ApiException.badRequest("Invalid dry run value: " + d.asText() + ", valid values are: All");
                }
                dryRun = true;
            }
            uid = b.path("preconditions").path("uid").asText(null);
            rv = b.path("preconditions").path("resourceVersion").asText(null);
        } else if (b != null && !b.isNull()) {
            throw ApiException.badRequest("the body of a delete request must be a DeleteOptions object");
        }
        if (policy != null && !policy.equals("Background") && !policy.equals("Foreground") && !policy.equals("Orphan")) {
            throw ApiException.invalid("meta.k8s.io", "DeleteOptions", "", java.util.List.of(
                    io.skiff.api.errors.FieldError.notSupported("propagationPolicy", policy, java.util.List.of("Foreground", "Background", "Orphan"))));
        }
        if (grace != null && grace < 0) {
            grace = 0L; // Kubernetes treats a negative grace period as "now"
        }
        return new DeleteOptions(grace, policy, uid, rv, dryRun);
    }

    private static String jsonOrYaml(String contentType) {
        String base = MediaTypes.base(contentType);
        return base.contains("yaml") ? MediaTypes.YAML : MediaTypes.JSON;
    }
}
