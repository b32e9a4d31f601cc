package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.skiff.api.errors.FieldError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** ObjectMeta rules shared by every kind: names, namespace, labels, annotations, owners, finalizers. */
public final class MetadataValidator {
    /** Kubernetes caps the sum of annotation key and value bytes at 256 KiB. */
    static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
    private static final int FIELD_MANAGER_MAX_LENGTH = 128;
    private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", "orphan", "foregroundDeletion");

    private MetadataValidator() {
    }

    /** Create-time checks, including the core rule that unqualified finalizers must be standard ones. */
    public static List<FieldError> validate(ObjectMeta meta, boolean namespaced, NameValidator names, FieldPath path) {
        return validate(meta, namespaced, names, true, path);
    }

    /**
     * @param kubeFinalizers whether unqualified finalizer names must be Kubernetes' standard ones
     *                       (true for core and apps kinds, false for e.g. coordination.k8s.io)
     */
    public static List<FieldError> validate(ObjectMeta meta, boolean namespaced, NameValidator names,
                                            boolean kubeFinalizers, FieldPath path) {
        ObjectMeta m = meta == null ? new ObjectMeta() : meta;
        List<FieldError> errs = new ArrayList<>();
        String generateName = nz(m.getGenerateName());
        String name = nz(m.getName());
        if (!generateName.isEmpty()) {
            for (String msg : names.check(generateName, true)) {
                errs.add(Errs.invalid(path.child("generateName"), generateName, msg));
            }
        }
        if (name.isEmpty()) {
            // With a generateName the server generates the name, so only a missing pair is an error.
            if (generateName.isEmpty()) {
                errs.add(Errs.required(path.child("name"), "name or generateName is required"));
            }
        } else {
            for (String msg : names.check(name, false)) {
                errs.add(Errs.invalid(path.child("name"), name, msg));
            }
        }
        errs.addAll(common(m, namespaced, path));
        if (kubeFinalizers) {
            errs.addAll(kubeFinalizerNames(m.getFinalizers(), path.child("finalizers")));
        }
        return errs;
    }

    private static List<FieldError> common(ObjectMeta m, boolean namespaced, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String ns = nz(m.getNamespace());
        if (namespaced) {
            if (ns.isEmpty()) {
                errs.add(Errs.required(path.child("namespace"), ""));
            } else {
                for (String msg : NameValidator.DNS_LABEL.check(ns, false)) {
                    errs.add(Errs.invalid(path.child("namespace"), ns, msg));
                }
            }
        } else if (!ns.isEmpty()) {
            errs.add(Errs.forbidden(path.child("namespace"), "not allowed on this type"));
        }
        if (m.getGeneration() != null && m.getGeneration() < 0) {
            errs.add(Errs.invalid(path.child("generation"), m.getGeneration(), "must be greater than or equal to 0"));
        }
        errs.addAll(LabelValidator.labels(m.getLabels(), path.child("labels")));
        errs.addAll(annotations(m.getAnnotations(), path.child("annotations")));
        errs.addAll(ownerReferences(m.getOwnerReferences(), path.child("ownerReferences")));
        errs.addAll(finalizers(m.getFinalizers(), path.child("finalizers")));
        errs.addAll(managedFields(m.getManagedFields(), path.child("managedFields")));
        return errs;
    }

    /** Annotation keys are qualified names compared case-insensitively; values are free, but bounded in total. */
    public static List<FieldError> annotations(Map<String, String> annotations, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (annotations == null) {
            return errs;
        }
        long total = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            for (String msg : Formats.qualifiedName(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
                errs.add(Errs.invalid(path, e.getKey(), msg));
            }
            total += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
            errs.add(Errs.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
        }
        return errs;
    }

    private static List<FieldError> ownerReferences(List<OwnerReference> refs, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (refs == null) {
            return errs;
        }
        String firstController = null;
        for (OwnerReference ref : refs) {
            String apiVersion = nz(ref.getApiVersion());
            String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            if (version.isEmpty()) {
                errs.add(Errs.invalid(path.child("apiVersion"), apiVersion, "version must not be empty"));
            }
            if (nz(ref.getKind()).isEmpty()) {
                errs.add(Errs.invalid(path.child("kind"), "", "must not be empty"));
            }
            if (nz(ref.getName()).isEmpty()) {
                errs.add(Errs.invalid(path.child("name"), "", "must not be empty"));
            }
            if (nz(ref.getUid()).isEmpty()) {
                errs.add(Errs.invalid(path.child("uid"), "", "must not be empty"));
            }
            // Core events must never own anything: they are garbage themselves.
            if (group.isEmpty() && version.equals("v1") && "Event".equals(ref.getKind())) {
                errs.add(Errs.invalid(path, ownerReference(ref), "/v1, Kind=Event is disallowed from being an owner"));
            }
            if (Boolean.TRUE.equals(ref.getController())) {
                String current = ref.getKind() + "/" + ref.getName();
                if (firstController != null) {
                    errs.add(Errs.invalid(path, ownerReferences(refs), "Only one reference can have Controller set to true. Found \"true\" in references for "
                            + firstController + " and " + current));
                } else {
                    firstController = current;
                }
            }
        }
        return errs;
    }

    private static GoValue.Literal ownerReferences(List<OwnerReference> refs) {
        StringBuilder sb = new StringBuilder("[]v1.OwnerReference{");
        for (int i = 0; i < refs.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(ownerReference(refs.get(i)).text());
        }
        return GoValue.literal(sb.append('}').toString());
    }

    private static GoValue.Literal ownerReference(OwnerReference ref) {
        return GoValue.struct("v1.OwnerReference", "APIVersion", nz(ref.getApiVersion()), "Kind", nz(ref.getKind()),
                "Name", nz(ref.getName()), "UID", nz(ref.getUid()),
                "Controller", boolPointer(ref.getController()), "BlockOwnerDeletion", boolPointer(ref.getBlockOwnerDeletion()));
    }

    /** Go prints a non-nil pointer as an address; the value is the useful part, so Skiff shows that. */
    private static GoValue.Literal boolPointer(Boolean b) {
        return GoValue.literal(b == null ? "(*bool)(nil)" : "&" + b);
    }

    private static List<FieldError> finalizers(List<String> finalizers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (finalizers == null) {
            return errs;
        }
        for (String f : finalizers) {
            for (String msg : Formats.qualifiedName(nz(f))) {
                errs.add(Errs.invalid(path, nz(f), msg));
            }
        }
        if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
            errs.add(Errs.invalid(path, GoValue.stringSlice(finalizers), "finalizer orphan and foregroundDeletion cannot be both set"));
        }
        return errs;
    }

    /** Core rule: a finalizer without a domain prefix must be one Kubernetes defines. */
    static List<FieldError> kubeFinalizerNames(List<String> finalizers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; finalizers != null && i < finalizers.size(); i++) {
            String f = nz(finalizers.get(i));
            if (!f.contains("/") && !STANDARD_FINALIZERS.contains(f)) {
                errs.add(Errs.invalid(path.index(i), f, "name is neither a standard finalizer name nor is it fully qualified"));
            }
        }
        return errs;
    }

    /** A namespace's spec.finalizers: qualified and standard, reported on the list's path. */
    static List<FieldError> namespaceFinalizer(String finalizer, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String msg : Formats.qualifiedName(finalizer)) {
            errs.add(Errs.invalid(path, finalizer, msg));
        }
        if (!finalizer.contains("/") && !STANDARD_FINALIZERS.contains(finalizer)) {
            errs.add(Errs.invalid(path, finalizer, "name is neither a standard finalizer name nor is it fully qualified"));
        }
        return errs;
    }

    private static List<FieldError> managedFields(List<ManagedFieldsEntry> entries, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            ManagedFieldsEntry e = entries.get(i);
            FieldPath p = path.index(i);
            String op = nz(e.getOperation());
            if (!op.equals("Apply") && !op.equals("Update")) {
                errs.add(Errs.invalid(p.child("operation"), op, "must be `Apply` or `Update`"));
            }
            if (!nz(e.getFieldsType()).isEmpty() && !"FieldsV1".equals(e.getFieldsType())) {
                errs.add(Errs.invalid(p.child("fieldsType"), e.getFieldsType(), "must be `FieldsV1`"));
            }
            String manager = nz(e.getManager());
            if (Formats.byteLength(manager) > FIELD_MANAGER_MAX_LENGTH) {
                errs.add(Errs.tooLong(p.child("manager"), FIELD_MANAGER_MAX_LENGTH));
            }
        }
        return errs;
    }

    /**
     * Update-time checks. Like Kubernetes, fields the server carries over from the stored object
     * (uid, creationTimestamp, deletion fields) may be left empty by the client; a different
     * non-empty value is an attempt to change them.
     */
    public static List<FieldError> validateUpdate(ObjectMeta newMeta, ObjectMeta oldMeta, FieldPath path) {
        return validateUpdate(newMeta, oldMeta, true, path);
    }

    public static List<FieldError> validateUpdate(ObjectMeta newMeta, ObjectMeta oldMeta, boolean kubeFinalizers, FieldPath path) {
        ObjectMeta n = newMeta == null ? new ObjectMeta() : newMeta;
        ObjectMeta o = oldMeta == null ? new ObjectMeta() : oldMeta;
        List<FieldError> errs = new ArrayList<>();
        if (o.getDeletionTimestamp() != null && !o.getDeletionTimestamp().isEmpty()) {
            Set<String> added = new LinkedHashSet<>(n.getFinalizers() == null ? List.of() : n.getFinalizers());
            added.removeAll(o.getFinalizers() == null ? List.of() : o.getFinalizers());
            if (!added.isEmpty()) {
                List<String> sorted = new ArrayList<>(added);
                sorted.sort(null);
                errs.add(Errs.forbidden(path.child("finalizers"),
                        "no new finalizers can be added if the object is being deleted, found new finalizers " + GoValue.stringSlice(sorted).text()));
            }
        }
        long newGen = n.getGeneration() == null ? 0 : n.getGeneration();
        long oldGen = o.getGeneration() == null ? 0 : o.getGeneration();
        if (newGen < oldGen) {
            errs.add(Errs.invalid(path.child("generation"), newGen, "must not be decremented"));
        }
        if (!nz(n.getName()).equals(nz(o.getName()))) {
            errs.add(Errs.immutable(path.child("name"), nz(n.getName())));
        }
        if (!nz(n.getNamespace()).equals(nz(o.getNamespace()))) {
            errs.add(Errs.immutable(path.child("namespace"), nz(n.getNamespace())));
        }
        if (changed(n.getUid(), o.getUid())) {
            errs.add(Errs.immutable(path.child("uid"), nz(n.getUid())));
        }
        if (changed(n.getCreationTimestamp(), o.getCreationTimestamp())) {
            errs.add(Errs.immutable(path.child("creationTimestamp"), GoValue.time(n.getCreationTimestamp())));
        }
        if (changed(n.getDeletionTimestamp(), o.getDeletionTimestamp())) {
            errs.add(Errs.immutable(path.child("deletionTimestamp"), GoValue.time(n.getDeletionTimestamp())));
        }
        if (n.getDeletionGracePeriodSeconds() != null && o.getDeletionGracePeriodSeconds() != null
                && !Objects.equals(n.getDeletionGracePeriodSeconds(), o.getDeletionGracePeriodSeconds())) {
            errs.add(Errs.immutable(path.child("deletionGracePeriodSeconds"), n.getDeletionGracePeriodSeconds()));
        }
        errs.addAll(LabelValidator.labels(n.getLabels(), path.child("labels")));
        errs.addAll(annotations(n.getAnnotations(), path.child("annotations")));
        errs.addAll(ownerReferences(n.getOwnerReferences(), path.child("ownerReferences")));
        errs.addAll(finalizers(n.getFinalizers(), path.child("finalizers")));
        errs.addAll(managedFields(n.getManagedFields(), path.child("managedFields")));
        if (kubeFinalizers) {
            errs.addAll(kubeFinalizerNames(n.getFinalizers(), path.child("finalizers")));
        }
        return errs;
    }

    /** An empty new value means "keep the stored one"; only a different non-empty value is a change. */
    private static boolean changed(String newValue, String oldValue) {
        return newValue != null && !newValue.isEmpty() && !newValue.equals(nz(oldValue));
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
