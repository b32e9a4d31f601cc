package io.skiff.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.skiff.api.Json;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Pods: the full pod spec on create; on update only images, deadlines, tolerations and grace may change. */
final class PodValidator implements KindValidator<Pod> {
    /** Kubernetes lists the fields a pod update may change in its error message, in this order. */
    static final String UPDATABLE_FIELDS = String.join(",",
            "`spec.containers[*].image`",
            "`spec.initContainers[*].image`",
            "`spec.activeDeadlineSeconds`",
            "`spec.tolerations` (only additions to existing tolerations)",
            "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
    private static final FieldPath METADATA = FieldPath.root("metadata");
    private static final FieldPath SPEC = FieldPath.root("spec");
    private static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

    @Override
    public Class<Pod> model() {
        return Pod.class;
    }

    @Override
    public List<FieldError> validate(Pod pod) {
        List<FieldError> errs = metadataAndSpec(pod);
        PodSpec spec = spec(pod);
        if (spec.getEphemeralContainers() != null && !spec.getEphemeralContainers().isEmpty()) {
            errs.add(Errs.forbidden(SPEC.child("ephemeralContainers"), "cannot be set on create"));
        }
        if (spec.getNodeName() != null && !spec.getNodeName().isEmpty()
                && spec.getSchedulingGates() != null && !spec.getSchedulingGates().isEmpty()) {
            errs.add(Errs.forbidden(SPEC.child("nodeName"), "cannot be set until all schedulingGates have been cleared"));
        }
        return errs;
    }

    private List<FieldError> metadataAndSpec(Pod pod) {
        ObjectMeta meta = pod.getMetadata() == null ? new ObjectMeta() : pod.getMetadata();
        PodSpec spec = spec(pod);
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(meta, true, NameValidator.DNS_SUBDOMAIN, METADATA));
        errs.addAll(PodSpecValidator.podAnnotations(meta.getAnnotations(), spec, METADATA.child("annotations")));
        errs.addAll(PodSpecValidator.validate(spec, meta, SPEC, true));
        if (spec.getServiceAccountName() == null || spec.getServiceAccountName().isEmpty()) {
            List<Volume> volumes = spec.getVolumes() == null ? List.of() : spec.getVolumes();
            for (int vi = 0; vi < volumes.size(); vi++) {
                if (volumes.get(vi).getProjected() == null || volumes.get(vi).getProjected().getSources() == null) {
                    continue;
                }
                List<VolumeProjection> sources = volumes.get(vi).getProjected().getSources();
                for (int si = 0; si < sources.size(); si++) {
                    if (sources.get(si).getServiceAccountToken() != null) {
                        errs.add(Errs.forbidden(SPEC.child("volumes").index(vi).child("projected", "sources").index(si)
                                .child("serviceAccountToken"), "must not be specified when serviceAccountName is not set"));
                    }
                }
            }
        }
        errs.addAll(imageWhitespace(spec.getContainers(), SPEC.child("containers")));
        errs.addAll(imageWhitespace(spec.getInitContainers(), SPEC.child("initContainers")));
        return errs;
    }

    private static List<FieldError> imageWhitespace(List<Container> containers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; containers != null && i < containers.size(); i++) {
            errs.addAll(ContainerValidator.imageWhitespace(containers.get(i), path.index(i)));
        }
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(Pod newPod, Pod oldPod) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validateUpdate(newPod.getMetadata(), oldPod.getMetadata(), METADATA));
        errs.addAll(metadataAndSpec(newPod));
        errs.addAll(mirrorAnnotation(newPod.getMetadata(), oldPod.getMetadata()));
        PodSpec n = spec(newPod);
        PodSpec o = spec(oldPod);
        // Adding or removing containers ends the update checks, as in Kubernetes.
        if (!containerUpdates(n.getContainers(), o.getContainers(), SPEC.child("containers"), errs)
                || !containerUpdates(n.getInitContainers(), o.getInitContainers(), SPEC.child("initContainers"), errs)) {
            return errs;
        }
        FieldPath deadline = SPEC.child("activeDeadlineSeconds");
        if (n.getActiveDeadlineSeconds() != null) {
            long v = n.getActiveDeadlineSeconds();
            if (v < 0 || v > Integer.MAX_VALUE) {
                errs.add(Errs.invalid(deadline, v, Formats.inclusiveRangeError(0, Integer.MAX_VALUE)));
                return errs;
            }
            if (o.getActiveDeadlineSeconds() != null && o.getActiveDeadlineSeconds() < v) {
                errs.add(Errs.invalid(deadline, v, "must be less than or equal to previous value"));
                return errs;
            }
        } else if (o.getActiveDeadlineSeconds() != null) {
            errs.add(Errs.invalid(deadline, null, "must not update from a positive integer to nil value"));
        }
        errs.addAll(onlyAddedTolerations(n.getTolerations(), o.getTolerations(), SPEC.child("tolerations")));
        errs.addAll(onlyDeletedSchedulingGates(n, o, SPEC.child("schedulingGates")));
        JsonNode oldTree = Json.tree(o);
        ObjectNode munged = Json.tree(n);
        if (munged.equals(oldTree)) {
            return errs;
        }
        mungeUpdatable(munged, oldTree, o);
        if (!munged.equals(oldTree)) {
            errs.add(Errs.forbidden(SPEC, "pod updates may not change fields other than " + UPDATABLE_FIELDS + "\n"
                    + SpecDiff.diff("spec", oldTree, munged)));
        }
        return errs;
    }

    /** Adds the errors of a container list update; false when containers were added or removed. */
    private static boolean containerUpdates(List<Container> n, List<Container> o, FieldPath path, List<FieldError> errs) {
        List<Container> nc = n == null ? List.of() : n;
        List<Container> oc = o == null ? List.of() : o;
        if (nc.size() != oc.size()) {
            errs.add(Errs.forbidden(path, "pod updates may not add or remove containers"));
            return false;
        }
        for (int i = 0; i < nc.size(); i++) {
            String image = nc.get(i).getImage() == null ? "" : nc.get(i).getImage();
            if (image.isEmpty()) {
                errs.add(Errs.required(path.index(i).child("image"), ""));
            }
            errs.addAll(ContainerValidator.imageWhitespace(nc.get(i), path.index(i)));
        }
        return true;
    }

    /** Replaces the fields a pod update may change with their old values; what remains must be equal. */
    private static void mungeUpdatable(ObjectNode munged, JsonNode oldTree, PodSpec old) {
        for (String list : List.of("containers", "initContainers")) {
            JsonNode nl = munged.path(list);
            JsonNode ol = oldTree.path(list);
            for (int i = 0; nl.isArray() && i < nl.size(); i++) {
                ObjectNode c = (ObjectNode) nl.get(i);
                if (ol.path(i).has("image")) {
                    c.set("image", ol.path(i).get("image"));
                } else {
                    c.remove("image");
                }
            }
        }
        for (String field : List.of("activeDeadlineSeconds", "schedulingGates", "tolerations")) {
            if (oldTree.has(field)) {
                munged.set(field, oldTree.get(field));
            } else {
                munged.remove(field);
            }
        }
        if (old.getTerminationGracePeriodSeconds() != null && old.getTerminationGracePeriodSeconds() < 0
                && munged.path("terminationGracePeriodSeconds").asLong() == 1) {
            munged.set("terminationGracePeriodSeconds", oldTree.get("terminationGracePeriodSeconds"));
        }
    }

    /** Tolerations may be added; existing ones may only change their tolerationSeconds. */
    private static List<FieldError> onlyAddedTolerations(List<Toleration> n, List<Toleration> o, FieldPath path) {
        List<Toleration> nt = n == null ? List.of() : n;
        for (Toleration old : o == null ? List.<Toleration>of() : o) {
            boolean found = nt.stream().anyMatch(t -> Objects.equals(t.getKey(), old.getKey())
                    && Objects.equals(t.getOperator(), old.getOperator()) && Objects.equals(t.getValue(), old.getValue())
                    && Objects.equals(t.getEffect(), old.getEffect()));
            if (!found) {
                return List.of(Errs.forbidden(path, "existing toleration can not be modified except its tolerationSeconds"));
            }
        }
        return SchedulingValidator.tolerations(nt, path);
    }

    private static List<FieldError> onlyDeletedSchedulingGates(PodSpec n, PodSpec o, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (n.getSchedulingGates() == null) {
            return errs;
        }
        Set<String> old = new HashSet<>();
        if (o.getSchedulingGates() != null) {
            o.getSchedulingGates().forEach(g -> old.add(g.getName()));
        }
        for (int i = 0; i < n.getSchedulingGates().size(); i++) {
            String name = n.getSchedulingGates().get(i).getName();
            if (!old.contains(name)) {
                errs.add(Errs.forbidden(path.index(i).child("name"), "only deletion is allowed, but found new scheduling gate '" + name + "'"));
            }
        }
        return errs;
    }

    private static List<FieldError> mirrorAnnotation(ObjectMeta n, ObjectMeta o) {
        Map<String, String> na = n == null || n.getAnnotations() == null ? Map.of() : n.getAnnotations();
        Map<String, String> oa = o == null || o.getAnnotations() == null ? Map.of() : o.getAnnotations();
        FieldPath p = METADATA.child("annotations").key(MIRROR_ANNOTATION);
        if (oa.containsKey(MIRROR_ANNOTATION) && !Objects.equals(oa.get(MIRROR_ANNOTATION), na.get(MIRROR_ANNOTATION))) {
            return List.of(Errs.forbidden(p, "may not remove or update mirror pod annotation"));
        }
        if (!oa.containsKey(MIRROR_ANNOTATION) && na.containsKey(MIRROR_ANNOTATION)) {
            return List.of(Errs.forbidden(p, "may not add mirror pod annotation"));
        }
        return List.of();
    }

    private static PodSpec spec(Pod pod) {
        return pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    }
}
