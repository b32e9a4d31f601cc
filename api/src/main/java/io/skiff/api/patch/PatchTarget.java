package io.skiff.api.patch;

import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.skiff.api.ResourceType;

import java.util.Objects;

/**
 * What a PATCH applies to: the served version and kind (server-side apply checks them), the
 * model class the result must decode into, and the strategic-merge schema.
 * {@link #of(ResourceType)} covers an object and its {@code /status}; {@link #SCALE} the
 * {@code /scale} subresource.
 */
public record PatchTarget(String apiVersion, String kind, Class<?> model, PatchMeta schema) {
    public static final PatchTarget SCALE = new PatchTarget("autoscaling/v1", "Scale", Scale.class,
            PatchMetas.METADATA_ONLY);

    public PatchTarget {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(schema, "schema");
    }

    public static PatchTarget of(ResourceType type) {
        return new PatchTarget(type.apiVersion(), type.kind(), type.model(), PatchMetas.of(type));
    }

    /** Go's {@code GroupVersionKind.String()}: {@code /v1, Kind=Pod}, {@code apps/v1, Kind=Deployment}. */
    String groupVersionKind() {
        return (apiVersion.contains("/") ? apiVersion : "/" + apiVersion) + ", Kind=" + kind;
    }
}
