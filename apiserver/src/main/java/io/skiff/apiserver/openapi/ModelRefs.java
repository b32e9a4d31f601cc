package io.skiff.apiserver.openapi;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Status;
import io.skiff.api.ResourceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The model classes the operations on a served resource send and receive. */
final class ModelRefs {
    private static final String MODEL_PACKAGE = "io.kubernetes.client.openapi.models.";

    static final ModelRef STATUS = meta(V1Status.class, "Status");
    static final ModelRef DELETE_OPTIONS = meta(V1DeleteOptions.class, "DeleteOptions");
    static final ModelRef PATCH = new ModelRef(V1Patch.class, "", List.of());

    private ModelRefs() {
    }

    static ModelRef kind(ResourceType type) {
        return served(type.group(), type.version(), type.kind());
    }

    static ModelRef list(ResourceType type) {
        return served(type.group(), type.version(), type.listKind());
    }

    /** What a subresource's body is; empty for those that stream text or bytes (log, exec, proxy, …). */
    static Optional<ModelRef> subresource(ResourceType type, String subresource) {
        return switch (subresource) {
            case "status", "finalize" -> Optional.of(kind(type));
            case "scale" -> Optional.of(served("autoscaling", "v1", "Scale"));
            case "binding" -> Optional.of(served("", "v1", "Binding"));
            case "eviction" -> Optional.of(served("policy", "v1", "Eviction"));
            case "token" -> Optional.of(served("authentication.k8s.io", "v1", "TokenRequest"));
            default -> Optional.empty();
        };
    }

    /** Every model the operations send or receive, one root per class. */
    static List<ModelRef> referencedBy(Collection<ApiPath> paths) {
        List<ModelRef> refs = new ArrayList<>();
        for (ApiPath path : paths) {
            for (ApiOperation op : path.operations()) {
                if (op.body() != null) {
                    refs.add(op.body());
                }
                op.responses().stream().map(ApiOperation.ApiResponse::schema).filter(Objects::nonNull).forEach(refs::add);
            }
        }
        return merge(refs);
    }

    /** One root per class, its kinds joined, so that a class met twice is described once. */
    static List<ModelRef> merge(Collection<ModelRef> refs) {
        Map<Class<?>, ModelRef> byClass = new LinkedHashMap<>();
        for (ModelRef ref : refs) {
            byClass.merge(ref.model(), ref, (a, b) -> {
                List<GroupVersionKind> kinds = new ArrayList<>(a.kinds());
                b.kinds().stream().filter(k -> !kinds.contains(k)).forEach(kinds::add);
                return new ModelRef(a.model(), a.group(), List.copyOf(kinds));
            });
        }
        return List.copyOf(byClass.values());
    }

    /**
     * client-java names a kind's class {@code V1Pod}, and prefixes the group ({@code CoreV1Event},
     * {@code EventsV1Event}, {@code AuthenticationV1TokenRequest}) where two groups share a kind name.
     */
    static Class<?> modelClass(String group, String version, String kind) {
        String v = capitalize(version);
        String prefixed = capitalize(DefinitionNames.packageOf(group)) + v + kind;
        for (String candidate : List.of(prefixed, v + kind)) {
            try {
                return Class.forName(MODEL_PACKAGE + candidate, false, ModelRefs.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // try the next spelling
            }
        }
        throw new IllegalArgumentException("no client-java model for " + group + "/" + version + " " + kind);
    }

    private static ModelRef served(String group, String version, String kind) {
        return new ModelRef(modelClass(group, version, kind), group,
                List.of(new GroupVersionKind(group, version, kind)));
    }

    private static ModelRef meta(Class<?> model, String kind) {
        return new ModelRef(model, "", List.of(new GroupVersionKind("", "v1", kind)));
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
