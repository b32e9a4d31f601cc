package io.skiff.apiserver.openapi;

import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Binding;
import io.kubernetes.client.openapi.models.V1ComponentStatus;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1PersistentVolume;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplate;
import io.kubernetes.client.openapi.models.V1ReplicationController;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a client-java model class the way Kubernetes names its type, e.g. {@code V1Pod} →
 * {@code io.k8s.api.core.v1.Pod}, {@code EventsV1Event} → {@code io.k8s.api.events.v1.Event},
 * {@code V1ObjectMeta} → {@code io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}.
 *
 * <p>client-java's class names carry the version, and the group only where two groups define the same
 * name. The group of the others follows from who uses them: a type any core kind reaches is core's
 * (PodTemplateSpec, ObjectReference), the rest belong to the group of the kind that reaches them
 * (DeploymentSpec → apps).
 */
final class DefinitionNames {
    // [group prefix] version name, e.g. "Core" "V1" "Event", or null "V1" "Pod".
    private static final Pattern CLASS_NAME = Pattern.compile("([A-Z][a-z]+)?(V\\d+(?:alpha\\d+|beta\\d+)?)(.+)");
    private static final String META_PACKAGE = "io.k8s.apimachinery.pkg.apis.meta.";

    /** apimachinery's meta/v1 types that client-java generates as ordinary models. */
    private static final Set<String> META_TYPES = Set.of(
            "V1ObjectMeta", "V1ListMeta", "V1LabelSelector", "V1LabelSelectorRequirement", "V1ManagedFieldsEntry",
            "V1OwnerReference", "V1Condition", "V1Status", "V1StatusDetails", "V1StatusCause", "V1DeleteOptions",
            "V1Preconditions", "V1WatchEvent", "V1APIResource", "V1APIResourceList", "V1APIGroup", "V1APIGroupList",
            "V1APIVersions", "V1GroupVersionForDiscovery", "V1ServerAddressByClientCIDR");

    private static final List<Class<?>> CORE_KINDS = List.of(
            V1Pod.class, V1Service.class, V1Node.class, V1Namespace.class, CoreV1Event.class, V1Endpoints.class,
            V1ConfigMap.class, V1Secret.class, V1ServiceAccount.class, V1ReplicationController.class,
            V1PersistentVolume.class, V1PersistentVolumeClaim.class, V1PodTemplate.class, V1LimitRange.class,
            V1ResourceQuota.class, V1Binding.class, V1ComponentStatus.class);

    private static final Set<Class<?>> CORE_TYPES = reachableFrom(CORE_KINDS);

    private DefinitionNames() {
    }

    /** {@code owningGroup} is the group of the kind through which the class was reached. */
    static String of(Class<?> model, String owningGroup) {
        String simpleName = model.getSimpleName();
        Matcher parts = CLASS_NAME.matcher(simpleName);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not a versioned client-java model: " + model.getName());
        }
        String version = parts.group(2).toLowerCase(Locale.ROOT);
        String name = parts.group(3);
        if (META_TYPES.contains(simpleName)) {
            return META_PACKAGE + version + "." + name;
        }
        String pkg;
        if (parts.group(1) != null) {
            pkg = parts.group(1).toLowerCase(Locale.ROOT);
        } else if (CORE_TYPES.contains(model)) {
            pkg = "core";
        } else {
            pkg = packageOf(owningGroup);
        }
        return "io.k8s.api." + pkg + "." + version + "." + name;
    }

    /** Kubernetes' Go package of a group: its first DNS label, "core" for the core group. */
    static String packageOf(String group) {
        return group.isEmpty() ? "core" : group.split("\\.", 2)[0];
    }

    private static Set<Class<?>> reachableFrom(List<Class<?>> roots) {
        Set<Class<?>> seen = new HashSet<>(roots);
        Deque<Class<?>> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            for (Class<?> next : ModelIntrospector.referencedModels(pending.pop())) {
                if (seen.add(next)) {
                    pending.push(next);
                }
            }
        }
        return seen;
    }
}
