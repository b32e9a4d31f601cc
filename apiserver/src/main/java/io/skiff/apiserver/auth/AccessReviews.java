package io.skiff.apiserver.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.skiff.api.Json;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.http.MediaTypes;
import io.skiff.apiserver.http.RequestBodies;
import io.skiff.apiserver.http.Responses;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "Can I?" and "who am I?": SelfSubjectAccessReview (kubectl auth can-i) and SelfSubjectReview
 * (kubectl auth whoami). Nothing is stored; the answer is computed for the caller.
 */
public final class AccessReviews {
    private final Authorizer authorizer;

    public AccessReviews(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    public void selfSubjectAccessReview(Context ctx) {
        ObjectNode review = RequestBodies.decodeObject(RequestBodies.read(ctx), ctx.contentType());
        UserInfo user = RequestUser.of(ctx);
        JsonNode spec = review.path("spec");
        RequestAttributes attrs;
        if (spec.has("resourceAttributes")) {
            JsonNode a = spec.path("resourceAttributes");
            String ns = a.path("namespace").asText("");
            String sub = a.path("subresource").asText("");
            String name = a.path("name").asText("");
            attrs = RequestAttributes.resource(user, a.path("verb").asText(""), a.path("group").asText(""), a.path("resource").asText(""),
                    sub.isEmpty() ? null : sub, ns.isEmpty() ? null : ns, name.isEmpty() ? null : name);
        } else if (spec.has("nonResourceAttributes")) {
            JsonNode a = spec.path("nonResourceAttributes");
            attrs = RequestAttributes.nonResource(user, a.path("verb").asText(""), a.path("path").asText(""));
        } else {
            throw ApiException.invalid("authorization.k8s.io", "SelfSubjectAccessReview", "", java.util.List.of(
                    io.skiff.api.errors.FieldError.invalid("spec.resourceAttributes", "null",
                            "exactly one of nonResourceAttributes or resourceAttributes must be specified")));
        }
        boolean allowed = authorizer.allows(attrs);
        review.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectAccessReview");
        review.with("metadata").put("creationTimestamp", now());
        ObjectNode status = review.putObject("status").put("allowed", allowed);
        if (allowed) {
            status.put("reason", "allowed by RBAC");
        }
        Responses.write(ctx, 201, review, MediaTypes.Reply.JSON);
    }

    public void selfSubjectReview(Context ctx) {
        UserInfo user = RequestUser.of(ctx);
        ObjectNode review = Json.object().put("apiVersion", "authentication.k8s.io/v1").put("kind", "SelfSubjectReview");
        review.putObject("metadata").put("creationTimestamp", now());
        ObjectNode info = review.putObject("status").putObject("userInfo").put("username", user.name());
        if (!user.uid().isEmpty()) {
            info.put("uid", user.uid());
        }
        user.groups().forEach(info.putArray("groups")::add);
        Responses.write(ctx, 201, review, MediaTypes.Reply.JSON);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
