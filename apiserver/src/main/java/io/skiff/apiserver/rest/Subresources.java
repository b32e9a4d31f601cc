package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.api.patch.PatchTarget;
import io.skiff.api.patch.Patches;
import io.skiff.apiserver.http.MediaTypes;
import io.skiff.apiserver.http.RequestBodies;
import io.skiff.apiserver.http.Responses;
import io.skiff.apiserver.http.Statuses;
import io.skiff.apiserver.auth.ServiceAccountTokens;
import io.skiff.apiserver.storage.ObjectStorage;
import io.skiff.apiserver.table.printers.SelectorText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** /scale, /binding, /finalize and /eviction; /status goes through the ordinary update path. */
final class Subresources {
    private static final Logger log = LoggerFactory.getLogger(Subresources.class);
    private final ObjectStorage storage;
    private final UpdateEngine updates;
    private final Deleter deleter;

    private final ServiceAccountTokens tokens;

    Subresources(ObjectStorage storage, UpdateEngine updates, Deleter deleter, ServiceAccountTokens tokens) {
        this.storage = storage;
        this.updates = updates;
        this.deleter = deleter;
        this.tokens = tokens;
    }

    // ---- token: TokenRequest, a short-lived signed token for a service account (kubectl create token)

    private static final long DEFAULT_TOKEN_SECONDS = 3600;
    private static final long MIN_TOKEN_SECONDS = 600;
    private static final long MAX_TOKEN_SECONDS = 48 * 3600;

    void requestToken(ApiRequest r) {
        if (tokens == null) {
            throw ApiException.serviceUnavailable("this API server issues no service account tokens (no signing key)");
        }
        ObjectNode sa = storage.get(ResourceTypes.SERVICE_ACCOUNTS, r.namespace(), r.name());
        ObjectNode request = RequestBodies.decodeObject(RequestBodies.read(r.ctx), r.ctx.contentType());
        JsonNode spec = request.path("spec");
        long seconds = spec.path("expirationSeconds").asLong(DEFAULT_TOKEN_SECONDS);
        if (seconds < MIN_TOKEN_SECONDS) {
            throw ApiException.invalid("authentication.k8s.io", "TokenRequest", r.name(), java.util.List.of(
                    io.skiff.api.errors.FieldError.invalid("spec.expirationSeconds", seconds, "may not specify a duration less than 10 minutes")));
        }
        seconds = Math.min(seconds, MAX_TOKEN_SECONDS);
        java.util.List<String> audiences = new java.util.ArrayList<>();
        spec.path("audiences").forEach(a -> audiences.add(a.asText()));
        if (audiences.isEmpty()) {
            audiences.add(ServiceAccountTokens.ISSUER);
        }
        Instant expires = Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
        String token = tokens.issue(r.namespace(), r.name(), sa.path("metadata").path("uid").asText(), audiences, expires);
        ObjectNode reply = Json.object().put("kind", "TokenRequest").put("apiVersion", "authentication.k8s.io/v1");
        reply.putObject("metadata").put("name", r.name()).put("namespace", r.namespace())
                .put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode replySpec = reply.putObject("spec");
        audiences.forEach(replySpec.putArray("audiences")::add);
        replySpec.put("expirationSeconds", seconds);
        if (spec.has("boundObjectRef")) {
            replySpec.set("boundObjectRef", spec.get("boundObjectRef"));
        }
        reply.putObject("status").put("token", token).put("expirationTimestamp", expires.toString());
        log.info("issued a token for service account {}/{} (expires {})", r.namespace(), r.name(), expires);
        Responses.write(r.ctx, 201, reply, MediaTypes.Reply.JSON);
    }

    // ---- scale: an autoscaling/v1 Scale view of spec.replicas

    void getScale(ApiRequest r) {
        Responses.write(r.ctx, 200, scaleOf(storage.get(r.type, r.namespace(), r.name())), jsonOrYaml(r));
    }

    void updateScale(ApiRequest r, boolean patch) {
        byte[] body = RequestBodies.read(r.ctx);
        String contentType = MediaTypes.base(r.ctx.contentType());
        ObjectNode result = updates.update(r, r.namespace(), r.name(), false, current -> {
            ObjectNode scale = scaleOf(current);
            ObjectNode wanted;
            if (patch) {
                JsonNode patched = Patches.apply(contentType, scale, body, PatchTarget.SCALE);
                wanted = (ObjectNode) patched;
            } else {
                wanted = RequestBodies.decodeObject(body, r.ctx.contentType());
            }
            JsonNode replicas = wanted.path("spec").path("replicas");
            if (!replicas.isMissingNode() && !replicas.canConvertToInt()) {
                throw ApiException.badRequest("Scale in version \"v1\" cannot be handled as a Scale: spec.replicas must be an integer");
            }
            current.with("spec").put("replicas", replicas.isMissingNode() ? 0 : replicas.asInt());
            String rv = wanted.path("metadata").path("resourceVersion").asText("");
            if (!patch && !rv.isEmpty()) {
                current.with("metadata").put("resourceVersion", rv);
            } else if (patch && !rv.equals(current.path("metadata").path("resourceVersion").asText())) {
                current.with("metadata").put("resourceVersion", rv); // a patch that pins a version
            }
            return current;
        });
        Responses.write(r.ctx, 200, scaleOf(result), jsonOrYaml(r));
    }

    private static ObjectNode scaleOf(ObjectNode obj) {
        ObjectNode scale = Json.object().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode meta = scale.putObject("metadata");
        JsonNode m = obj.path("metadata");
        for (String f : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (m.has(f)) {
                meta.set(f, m.get(f));
            }
        }
        scale.putObject("spec").put("replicas", obj.path("spec").path("replicas").asInt(0));
        ObjectNode status = scale.putObject("status").put("replicas", obj.path("status").path("replicas").asInt(0));
        JsonNode selector = obj.path("spec").path("selector");
        String text = obj.path("kind").asText().equals("ReplicationController") ? SelectorText.ofMap(selector) : SelectorText.of(selector);
        if (!text.isEmpty()) {
            status.put("selector", text);
        }
        return scale;
    }

    private static MediaTypes.Reply jsonOrYaml(ApiRequest r) {
        return r.reply == MediaTypes.Reply.YAML ? MediaTypes.Reply.YAML : MediaTypes.Reply.JSON;
    }

    // ---- binding: the scheduler's way to set spec.nodeName, which updates may not change

    void bind(ApiRequest r) {
        ObjectNode binding = RequestBodies.decodeObject(RequestBodies.read(r.ctx), r.ctx.contentType());
        String node = binding.path("target").path("name").asText("");
        if (node.isEmpty()) {
            throw ApiException.invalid("", "Binding", r.name(), java.util.List.of(
                    io.skiff.api.errors.FieldError.required("target.name", "")));
        }
        String bindingName = binding.path("metadata").path("name").asText(r.name());
        if (!bindingName.equals(r.name())) {
            throw ApiException.badRequest("the name of the binding (" + bindingName + ") does not match the pod (" + r.name() + ")");
        }
        String uid = binding.path("metadata").path("uid").asText("");
        storage.guaranteedUpdate(ResourceTypes.PODS, r.namespace(), r.name(), pod -> {
            if (!uid.isEmpty() && !uid.equals(pod.path("metadata").path("uid").asText())) {
                throw ApiException.conflict("", "pods/binding", r.name(), "the UID in the binding does not match the pod");
            }
            if (pod.path("metadata").has("deletionTimestamp")) {
                throw ApiException.conflict("", "pods/binding", r.name(), "pod " + r.name() + " is being deleted, cannot be assigned to a host");
            }
            String current = pod.path("spec").path("nodeName").asText("");
            if (!current.isEmpty()) {
                throw ApiException.conflict("", "pods/binding", r.name(), "pod " + r.name() + " is already assigned to node \"" + current + "\"");
            }
            pod.with("spec").put("nodeName", node);
            setCondition(pod, "PodScheduled", "True");
            return pod;
        });
        log.info("bound pod {}/{} to node {}", r.namespace(), r.name(), node);
        Responses.write(r.ctx, 201, Statuses.success(201), MediaTypes.Reply.JSON);
    }

    private static void setCondition(ObjectNode pod, String type, String status) {
        ArrayNode conditions = pod.with("status").withArray("conditions");
        for (JsonNode c : conditions) {
            if (type.equals(c.path("type").asText())) {
                ((ObjectNode) c).put("status", status);
                return;
            }
        }
        conditions.addObject().put("type", type).put("status", status).putNull("lastProbeTime")
                .put("lastTransitionTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    // ---- finalize: a namespace's spec.finalizers, which plain updates may not change

    void finalizeNamespace(ApiRequest r) {
        ObjectNode body = RequestBodies.decodeObject(RequestBodies.read(r.ctx), r.ctx.contentType());
        ObjectNode stored = storage.guaranteedUpdate(ResourceTypes.NAMESPACES, null, r.name(), ns -> {
            ObjectNode spec = ns.with("spec");
            JsonNode finalizers = body.path("spec").path("finalizers");
            if (finalizers.isArray()) {
                spec.set("finalizers", finalizers.deepCopy());
            } else {
                spec.remove("finalizers");
            }
            return ns;
        });
        ReadOperations.writeObject(r, 200, deleter.finishIfReleased(r, stored));
    }

    // ---- eviction: a polite delete (no disruption budgets yet)

    void evict(ApiRequest r) {
        ObjectNode eviction = RequestBodies.decodeObject(RequestBodies.read(r.ctx), r.ctx.contentType());
        JsonNode opts = eviction.path("deleteOptions");
        Long grace = opts.hasNonNull("gracePeriodSeconds") ? opts.get("gracePeriodSeconds").asLong() : null;
        deleter.delete(r.strategy, r.namespace(), r.name(), new DeleteOptions(grace, null, null, null, r.dryRun()));
        Responses.write(r.ctx, 201, Statuses.success(201), MediaTypes.Reply.JSON);
    }
}
