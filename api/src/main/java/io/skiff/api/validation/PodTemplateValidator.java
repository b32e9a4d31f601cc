package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/** The pod template of a workload: its labels and annotations, its spec, and the workload-wide pod rules. */
final class PodTemplateValidator {
    private PodTemplateValidator() {
    }

    static List<FieldError> template(PodTemplateSpec template, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        ObjectMeta meta = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        PodSpec spec = template.getSpec() == null ? new PodSpec() : template.getSpec();
        // A template's metadata is validated at the template's own path, not under metadata.
        errs.addAll(LabelValidator.labels(meta.getLabels(), path.child("labels")));
        errs.addAll(MetadataValidator.annotations(meta.getAnnotations(), path.child("annotations")));
        errs.addAll(PodSpecValidator.podAnnotations(meta.getAnnotations(), spec, path.child("annotations")));
        errs.addAll(PodSpecValidator.validate(spec, null, path.child("spec"), false));
        if (spec.getEphemeralContainers() != null && !spec.getEphemeralContainers().isEmpty()) {
            errs.add(Errs.forbidden(path.child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template"));
        }
        return errs;
    }

    /**
     * The rules every replicating controller adds: a template is required, and its pods must
     * restart forever and may not have a deadline.
     *
     * @param owner "ReplicaSet" or "ReplicationController", as Kubernetes names it in the message
     */
    static List<FieldError> replicatedTemplate(PodTemplateSpec template, FieldPath path, String owner) {
        List<FieldError> errs = new ArrayList<>(template(template, path));
        PodSpec spec = template.getSpec() == null ? new PodSpec() : template.getSpec();
        String restartPolicy = spec.getRestartPolicy() == null ? "" : spec.getRestartPolicy();
        if (!restartPolicy.equals("Always")) {
            errs.add(Errs.notSupported(path.child("spec", "restartPolicy"), restartPolicy, List.of("Always")));
        }
        if (spec.getActiveDeadlineSeconds() != null) {
            errs.add(Errs.forbidden(path.child("spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in " + owner + " is not Supported"));
        }
        return errs;
    }
}
