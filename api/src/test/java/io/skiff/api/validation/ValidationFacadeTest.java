package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.api.defaults.Defaults;
import io.skiff.api.errors.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.skiff.api.validation.Fixtures.defaulted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationFacadeTest {
    @Test
    void everyServedKindIsValidated() throws ReflectiveOperationException {
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            HasMetadata obj = type.model().getDeclaredConstructor().newInstance();
            obj.setMetadata(new ObjectMeta());
            List<String> errs = Fixtures.validate(type, obj);
            assertTrue(errs.contains("metadata.name: Required value: name or generateName is required"), type.kind() + ": " + errs);
        }
    }

    @Test
    void anUnchangedObjectIsAValidUpdateOfItself() throws ReflectiveOperationException {
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            HasMetadata obj = type.model().getDeclaredConstructor().newInstance();
            ObjectMeta meta = new ObjectMeta();
            meta.setName("x");
            meta.setNamespace(type.namespaced() ? "default" : null);
            meta.setUid("u");
            meta.setCreationTimestamp("2024-01-01T00:00:00Z");
            obj.setMetadata(meta);
            Defaults.apply(type, obj);
            List<String> errs = Fixtures.validateUpdate(type, obj, obj);
            assertTrue(errs.stream().noneMatch(e -> e.contains("immutable") || e.contains("may not change")), type.kind() + ": " + errs);
        }
    }

    @Test
    void wrongModelIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Validation.validate(ResourceTypes.PODS, new Service()));
    }

    @Test
    void errorsBecomeKubernetesStatusMessages() {
        Deployment d = defaulted(ResourceTypes.DEPLOYMENTS, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default}
                spec:
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: nginx}]
                """);
        ApiException e = ApiException.invalid("apps", "Deployment", "web", Validation.validate(ResourceTypes.DEPLOYMENTS, d));
        assertEquals("Deployment.apps \"web\" is invalid: [spec.selector: Required value, spec.template.metadata.labels: "
                + "Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`]", e.getMessage());
        assertEquals("FieldValueRequired", e.causes().get(0).reason());
        assertEquals("spec.selector", e.causes().get(0).field());
    }

    @Test
    void singleErrorStatus() {
        Pod p = defaulted(ResourceTypes.PODS, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: default}
                spec:
                  containers: [{name: web}]
                """);
        ApiException e = ApiException.invalid("", "Pod", "web", Validation.validate(ResourceTypes.PODS, p));
        assertEquals("Pod \"web\" is invalid: spec.containers[0].image: Required value", e.getMessage());
    }
}
