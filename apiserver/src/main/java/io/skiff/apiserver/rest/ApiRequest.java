package io.skiff.apiserver.rest;

import io.javalin.http.Context;
import io.skiff.api.ResourceType;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.http.MediaTypes;
import io.skiff.apiserver.http.Responses;
import io.skiff.apiserver.request.RequestInfo;
import io.skiff.apiserver.resource.Registry;
import io.skiff.apiserver.resource.ResourceStrategy;

import java.util.Optional;

/** One resource request: what the path names, which strategy serves it, and the client's options. */
final class ApiRequest {
    /** The HTTP exchange; null for a watch served over a WebSocket. */
    final Context ctx;
    private final Params params;
    final RequestInfo info;
    final ResourceStrategy strategy;
    final ResourceType type;
    final Optional<Registry.LegacyVersion> legacy;
    final MediaTypes.Reply reply;

    /** Where query parameters and headers come from (an HTTP request or a WebSocket upgrade). */
    interface Params {
        String query(String name);

        String header(String name);
    }

    ApiRequest(Context ctx, RequestInfo info, ResourceStrategy strategy, Optional<Registry.LegacyVersion> legacy) {
        this(ctx, new Params() {
            @Override
            public String query(String name) {
                return ctx.queryParam(name);
            }

            @Override
            public String header(String name) {
                return ctx.header(name);
            }
        }, info, strategy, legacy);
    }

    ApiRequest(Context ctx, Params params, RequestInfo info, ResourceStrategy strategy, Optional<Registry.LegacyVersion> legacy) {
        this.ctx = ctx;
        this.params = params;
        this.info = info;
        this.strategy = strategy;
        this.type = strategy.type();
        this.legacy = legacy;
        this.reply = MediaTypes.negotiate(params.header("Accept"));
        if (reply == MediaTypes.Reply.NONE) {
            throw ApiException.notAcceptable("only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf, application/json;as=Table;v=v1;g=meta.k8s.io");
        }
        legacy.ifPresent(l -> warn(l.warning()));
    }

    String namespace() {
        return info.namespace();
    }

    String name() {
        return info.name();
    }

    String query(String name) {
        String v = params.query(name);
        return v == null || v.isEmpty() ? null : v;
    }

    boolean flag(String name) {
        String v = query(name);
        return v != null && (v.equals("true") || v.equals("1"));
    }

    Long longQuery(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid value for " + name + ": " + v);
        }
    }

    boolean dryRun() {
        String v = params.query("dryRun"); // present but empty is an error too
        if (v == null) {
            return false;
        }
        if (!v.equals("All")) {
            throw ApiException.badRequest("Invalid dry run value: " + v + ", valid values are: All");
        }
        return true;
    }

    FieldValidation fieldValidation() {
        return FieldValidation.parse(query("fieldValidation"));
    }

    void warn(String message) {
        if (ctx != null) {
            Responses.warn(ctx, message);
        }
    }

    /** The apiVersion a client of this path means: the legacy one for legacy paths. */
    String requestApiVersion() {
        return legacy.map(Registry.LegacyVersion::apiVersion).orElse(type.apiVersion());
    }
}
