package io.skiff.api.proto;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which protobuf message carries each apiVersion + kind. */
final class KindRegistry {
    private static final String META_PACKAGE = "k8s.io.apimachinery.pkg.apis.meta.v1";

    /** Messages that carry object metadata but are parts of objects, not kinds. */
    private static final Set<String> NOT_KINDS = Set.of("PodTemplateSpec", "JobTemplateSpec", "PersistentVolumeClaimTemplate");

    /** meta/v1 kinds that Kubernetes accepts under every group version (options, Status, watch events, discovery). */
    private static final List<String> META_KINDS = List.of("DeleteOptions", "CreateOptions", "UpdateOptions",
            "PatchOptions", "GetOptions", "ListOptions", "Status", "WatchEvent", "APIVersions", "APIGroup",
            "APIGroupList", "APIResourceList", "PartialObjectMetadata", "PartialObjectMetadataList");

    private final Map<String, Map<String, Descriptor>> kindsByVersion;
    private final Map<String, FileDescriptor> filesByPackage;

    private KindRegistry(Map<String, FileDescriptor> filesByVersion) {
        Map<String, Map<String, Descriptor>> kinds = new LinkedHashMap<>();
        Map<String, FileDescriptor> packages = new LinkedHashMap<>();
        filesByVersion.forEach((apiVersion, file) -> {
            kinds.put(apiVersion, Collections.unmodifiableMap(kindsOf(file)));
            addWithDependencies(file, packages);
        });
        this.kindsByVersion = Collections.unmodifiableMap(kinds);
        this.filesByPackage = Collections.unmodifiableMap(packages);
    }

    /** The v1 groups of Kubernetes that have protobuf schemas; older beta versions are not served by Skiff. */
    static KindRegistry standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        // Built on first use: parsing a dozen schema files costs tens of milliseconds.
        static final KindRegistry STANDARD = new KindRegistry(standardFiles());
    }

    private static Map<String, FileDescriptor> standardFiles() {
        Map<String, FileDescriptor> files = new LinkedHashMap<>();
        files.put("v1", V1.getDescriptor());
        files.put("apps/v1", V1Apps.getDescriptor());
        files.put("batch/v1", V1Batch.getDescriptor());
        files.put("autoscaling/v1", V1Autoscaling.getDescriptor());
        files.put("networking.k8s.io/v1", V1Networking.getDescriptor());
        files.put("policy/v1", V1Policy.getDescriptor());
        files.put("rbac.authorization.k8s.io/v1", V1Rbac.getDescriptor());
        files.put("scheduling.k8s.io/v1", V1Scheduling.getDescriptor());
        files.put("storage.k8s.io/v1", V1Storage.getDescriptor());
        files.put("certificates.k8s.io/v1", V1Certificates.getDescriptor());
        files.put("authentication.k8s.io/v1", V1Authentication.getDescriptor());
        files.put("authorization.k8s.io/v1", V1Authorization.getDescriptor());
        files.put("admissionregistration.k8s.io/v1", V1Admissionregistration.getDescriptor());
        files.put("coordination.k8s.io/v1", SupplementalSchemas.coordinationV1());
        files.put("discovery.k8s.io/v1", SupplementalSchemas.discoveryV1());
        files.put("events.k8s.io/v1", SupplementalSchemas.eventsV1());
        files.put("meta.k8s.io/v1", Meta.getDescriptor());
        return files;
    }

    private static void addWithDependencies(FileDescriptor file, Map<String, FileDescriptor> packages) {
        if (packages.putIfAbsent(file.getPackage(), file) == null) {
            file.getDependencies().forEach(dependency -> addWithDependencies(dependency, packages));
        }
    }

    /** Kinds are the top-level messages with object or list metadata; meta/v1 kinds are added to every version. */
    private static Map<String, Descriptor> kindsOf(FileDescriptor file) {
        Map<String, Descriptor> kinds = new LinkedHashMap<>();
        for (String metaKind : META_KINDS) {
            kinds.put(metaKind, Meta.getDescriptor().findMessageTypeByName(metaKind));
        }
        if (file.getPackage().equals(META_PACKAGE)) {
            return kinds;
        }
        for (Descriptor message : file.getMessageTypes()) {
            FieldDescriptor metadata = message.findFieldByName("metadata");
            boolean hasMeta = metadata != null && metadata.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && metadata.getMessageType().getFile().getPackage().equals(META_PACKAGE);
            if (hasMeta && !NOT_KINDS.contains(message.getName())) {
                kinds.put(message.getName(), message);
            }
        }
        return kinds;
    }

    /** The message for this kind; null when unknown. */
    Descriptor find(String apiVersion, String kind) {
        Map<String, Descriptor> kinds = kindsByVersion.get(apiVersion);
        return kinds == null ? null : kinds.get(kind);
    }

    boolean knowsVersion(String apiVersion) {
        return kindsByVersion.containsKey(apiVersion);
    }

    /** A message by its full protobuf name, e.g. {@code k8s.io.api.core.v1.PodSpec}; null when unknown. */
    Descriptor message(String fullName) {
        int dot = fullName.lastIndexOf('.');
        FileDescriptor file = dot < 0 ? null : filesByPackage.get(fullName.substring(0, dot));
        return file == null ? null : file.findMessageTypeByName(fullName.substring(dot + 1));
    }

    Map<String, Map<String, Descriptor>> kindsByVersion() {
        return kindsByVersion;
    }
}
