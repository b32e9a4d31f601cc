package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.skiff.api.ResourceTypes;
import io.skiff.api.defaults.Defaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.skiff.api.validation.Fixtures.NGINX_POD;
import static io.skiff.api.validation.Fixtures.assertErrors;
import static io.skiff.api.validation.Fixtures.copy;
import static io.skiff.api.validation.Fixtures.defaulted;
import static io.skiff.api.validation.Fixtures.validateUpdate;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PodUpdateValidationTest {
    private static final String HEADER = "spec: Forbidden: pod updates may not change fields other than "
            + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
            + "`spec.tolerations` (only additions to existing tolerations),"
            + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n";

    private Pod stored;

    @BeforeEach
    void storedPod() {
        stored = defaulted(ResourceTypes.PODS, NGINX_POD);
        stored.getMetadata().setUid("8f1c");
        stored.getMetadata().setResourceVersion("5");
        stored.getSpec().setNodeName("node-1");
    }

    private List<String> update(Pod updated) {
        Defaults.apply(ResourceTypes.PODS, updated);
        return validateUpdate(ResourceTypes.PODS, updated, stored);
    }

    @Test
    void unchangedPodPasses() {
        assertErrors(update(copy(stored)));
    }

    @Test
    void imageMayChange() {
        Pod p = copy(stored);
        p.getSpec().getContainers().get(0).setImage("nginx:1.25");
        assertErrors(update(p));
    }

    @Test
    void labelsAndAnnotationsMayChange() {
        Pod p = copy(stored);
        p.getMetadata().getLabels().put("tier", "web");
        p.getMetadata().getAnnotations().put("note", "x");
        assertErrors(update(p));
    }

    @Test
    void activeDeadlineMayBeSetAndShortenedButNotLengthenedOrRemoved() {
        Pod set = copy(stored);
        set.getSpec().setActiveDeadlineSeconds(100L);
        assertErrors(update(set));

        stored.getSpec().setActiveDeadlineSeconds(100L);
        Pod shorter = copy(stored);
        shorter.getSpec().setActiveDeadlineSeconds(50L);
        assertErrors(update(shorter));

        Pod longer = copy(stored);
        longer.getSpec().setActiveDeadlineSeconds(200L);
        assertErrors(update(longer), "spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value");

        Pod removed = copy(stored);
        removed.getSpec().setActiveDeadlineSeconds(null);
        assertErrors(update(removed), "spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value");
    }

    @Test
    void tolerationsMayOnlyBeAdded() {
        Toleration t = new TolerationBuilder().withKey("dedicated").withOperator("Equal").withValue("gpu").withEffect("NoSchedule").build();
        stored.getSpec().getTolerations().add(t);
        Pod added = copy(stored);
        added.getSpec().getTolerations().add(new TolerationBuilder().withKey("spot").withOperator("Exists").build());
        assertErrors(update(added));

        Pod changed = copy(stored);
        changed.getSpec().getTolerations().get(0).setValue("cpu");
        assertErrors(update(changed), "spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds");
    }

    @Test
    void otherSpecChangesAreForbiddenWithADiff() {
        Pod p = copy(stored);
        p.getSpec().getContainers().get(0).getPorts().set(0, new ContainerPort(8080, null, null, null, "TCP"));
        List<String> errs = update(p);
        assertEquals(1, errs.size());
        assertEquals(HEADER
                + "- spec.containers[0].ports[0].containerPort: 80\n"
                + "+ spec.containers[0].ports[0].containerPort: 8080", errs.get(0));
    }

    @Test
    void containersMayNotBeAddedOrRemoved() {
        Pod p = copy(stored);
        p.getSpec().getContainers().add(copy(stored).getSpec().getContainers().get(0));
        p.getSpec().getContainers().get(1).setName("sidecar");
        assertErrors(update(p), "spec.containers: Forbidden: pod updates may not add or remove containers");
    }

    @Test
    void imageMayNotBeRemoved() {
        Pod p = copy(stored);
        p.getSpec().getContainers().get(0).setImage("");
        // Reported by both the spec rules and the update rules; Kubernetes prints it once.
        assertErrors(update(p), "spec.containers[0].image: Required value");
    }

    @Test
    void negativeGracePeriodMayBecomeOne() {
        stored.getSpec().setTerminationGracePeriodSeconds(-1L);
        Pod p = copy(stored);
        p.getSpec().setTerminationGracePeriodSeconds(1L);
        assertErrors(update(p));
        Pod other = copy(stored);
        other.getSpec().setTerminationGracePeriodSeconds(5L);
        assertEquals(HEADER + "- spec.terminationGracePeriodSeconds: -1\n+ spec.terminationGracePeriodSeconds: 5", update(other).get(0));
    }

    @Test
    void identityIsImmutable() {
        Pod p = copy(stored);
        p.getMetadata().setUid("other");
        assertErrors(update(p), "metadata.uid: Invalid value: \"other\": field is immutable");
    }
}
