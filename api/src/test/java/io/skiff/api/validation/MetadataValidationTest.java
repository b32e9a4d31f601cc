package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.skiff.api.ResourceTypes;
import io.skiff.api.defaults.Defaults;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.skiff.api.validation.Fixtures.LABEL_MSG;
import static io.skiff.api.validation.Fixtures.LABEL_VALUE_MSG;
import static io.skiff.api.validation.Fixtures.QUALIFIED_NAME_PART_MSG;
import static io.skiff.api.validation.Fixtures.SUBDOMAIN_MSG;
import static io.skiff.api.validation.Fixtures.assertErrors;
import static io.skiff.api.validation.Fixtures.copy;
import static io.skiff.api.validation.Fixtures.validate;
import static io.skiff.api.validation.Fixtures.validateUpdate;

/** ObjectMeta rules, exercised through a ConfigMap (namespaced) and a Namespace (cluster-scoped). */
class MetadataValidationTest {
    private static ConfigMap configMap(ObjectMeta meta) {
        return new ConfigMapBuilder().withMetadata(meta).build();
    }

    private static ObjectMeta meta(String name, String namespace) {
        ObjectMeta m = new ObjectMeta();
        m.setName(name);
        m.setNamespace(namespace);
        return m;
    }

    @Test
    void validMetadataPasses() {
        ObjectMeta m = meta("game-config", "default");
        m.getLabels().put("app.kubernetes.io/name", "game");
        m.getAnnotations().put("Example.COM/Note", "anything at all");
        m.getFinalizers().add("example.com/cleanup");
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)));
    }

    @Test
    void nameIsRequiredUnlessGenerated() {
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(meta(null, "default"))),
                "metadata.name: Required value: name or generateName is required");
        ObjectMeta m = meta(null, "default");
        m.setGenerateName("game-");
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)));
    }

    @Test
    void invalidGenerateName() {
        ObjectMeta m = meta(null, "default");
        m.setGenerateName("Game-");
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)),
                "metadata.generateName: Invalid value: \"Game-\": " + SUBDOMAIN_MSG);
    }

    @Test
    void nameMustBeASubdomain() {
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(meta("Game_Config", "default"))),
                "metadata.name: Invalid value: \"Game_Config\": " + SUBDOMAIN_MSG);
    }

    @Test
    void namespaceIsRequiredForNamespacedKinds() {
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(meta("cfg", null))), "metadata.namespace: Required value");
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(meta("cfg", "my.ns"))),
                "metadata.namespace: Invalid value: \"my.ns\": must not contain dots");
    }

    @Test
    void namespaceIsForbiddenOnClusterScopedKinds() {
        Namespace ns = new NamespaceBuilder().withMetadata(meta("team-a", "default")).build();
        Defaults.apply(ResourceTypes.NAMESPACES, ns);
        assertErrors(validate(ResourceTypes.NAMESPACES, ns), "metadata.namespace: Forbidden: not allowed on this type");
    }

    @Test
    void labelKeysAndValues() {
        ObjectMeta m = meta("cfg", "default");
        m.getLabels().put("app", "-bad");
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)), "metadata.labels: Invalid value: \"-bad\": " + LABEL_VALUE_MSG);
        m.getLabels().clear();
        m.getLabels().put("bad key", "ok");
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)), "metadata.labels: Invalid value: \"bad key\": " + QUALIFIED_NAME_PART_MSG);
        m.getLabels().clear();
        m.getLabels().put("app", "v".repeat(64));
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)),
                "metadata.labels: Invalid value: \"" + "v".repeat(64) + "\": must be no more than 63 characters");
    }

    @Test
    void annotationKeysAndTotalSize() {
        ObjectMeta m = meta("cfg", "default");
        m.getAnnotations().put("bad key", "x");
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)), "metadata.annotations: Invalid value: \"bad key\": " + QUALIFIED_NAME_PART_MSG);
        m.getAnnotations().clear();
        m.getAnnotations().put("big", "x".repeat(256 * 1024 - 3));
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)));
        m.getAnnotations().put("big", "x".repeat(256 * 1024 - 2));
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)), "metadata.annotations: Too long: may not be more than 262144 bytes");
    }

    @Test
    void ownerReferences() {
        ObjectMeta m = meta("cfg", "default");
        m.getOwnerReferences().add(new OwnerReferenceBuilder().withApiVersion("apps/").withKind("").withName("").withUid("").build());
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)),
                "metadata.ownerReferences.apiVersion: Invalid value: \"apps/\": version must not be empty",
                "metadata.ownerReferences.kind: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences.name: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences.uid: Invalid value: \"\": must not be empty");
    }

    @Test
    void onlyOneOwnerMayBeTheController() {
        ObjectMeta m = meta("cfg", "default");
        m.getOwnerReferences().add(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet").withName("a").withUid("1").withController(true).build());
        m.getOwnerReferences().add(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet").withName("b").withUid("2").withController(true).build());
        List<String> errs = validate(ResourceTypes.CONFIGMAPS, configMap(m));
        org.junit.jupiter.api.Assertions.assertEquals(1, errs.size());
        org.junit.jupiter.api.Assertions.assertTrue(errs.get(0).startsWith("metadata.ownerReferences: Invalid value: []v1.OwnerReference{v1.OwnerReference{APIVersion:\"apps/v1\", Kind:\"ReplicaSet\", Name:\"a\""));
        org.junit.jupiter.api.Assertions.assertTrue(errs.get(0).endsWith(": Only one reference can have Controller set to true. Found \"true\" in references for ReplicaSet/a and ReplicaSet/b"));
    }

    @Test
    void coreEventsCannotOwnObjects() {
        ObjectMeta m = meta("cfg", "default");
        m.getOwnerReferences().add(new OwnerReferenceBuilder().withApiVersion("v1").withKind("Event").withName("e").withUid("1").build());
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)),
                "metadata.ownerReferences: Invalid value: v1.OwnerReference{APIVersion:\"v1\", Kind:\"Event\", Name:\"e\", UID:\"1\", Controller:(*bool)(nil), BlockOwnerDeletion:(*bool)(nil)}: /v1, Kind=Event is disallowed from being an owner");
    }

    @Test
    void finalizers() {
        ObjectMeta m = meta("cfg", "default");
        m.getFinalizers().add("cleanup");
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)),
                "metadata.finalizers[0]: Invalid value: \"cleanup\": name is neither a standard finalizer name nor is it fully qualified");
        m.getFinalizers().clear();
        m.getFinalizers().addAll(List.of("orphan", "foregroundDeletion"));
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)),
                "metadata.finalizers: Invalid value: []string{\"orphan\", \"foregroundDeletion\"}: finalizer orphan and foregroundDeletion cannot be both set");
    }

    @Test
    void generationMayNotBeNegative() {
        ObjectMeta m = meta("cfg", "default");
        m.setGeneration(-1L);
        assertErrors(validate(ResourceTypes.CONFIGMAPS, configMap(m)), "metadata.generation: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    void updateKeepsIdentityFieldsImmutable() {
        ObjectMeta old = meta("cfg", "default");
        old.setUid("uid-1");
        old.setCreationTimestamp("2024-01-02T03:04:05Z");
        old.setResourceVersion("7");
        ConfigMap stored = configMap(old);

        ConfigMap same = copy(stored);
        assertErrors(validateUpdate(ResourceTypes.CONFIGMAPS, same, stored));

        ConfigMap renamed = copy(stored);
        renamed.getMetadata().setName("other");
        renamed.getMetadata().setNamespace("kube-system");
        renamed.getMetadata().setUid("uid-2");
        renamed.getMetadata().setCreationTimestamp("2025-01-01T00:00:00Z");
        assertErrors(validateUpdate(ResourceTypes.CONFIGMAPS, renamed, stored),
                "metadata.name: Invalid value: \"other\": field is immutable",
                "metadata.namespace: Invalid value: \"kube-system\": field is immutable",
                "metadata.uid: Invalid value: \"uid-2\": field is immutable",
                "metadata.creationTimestamp: Invalid value: 2025-01-01 00:00:00 +0000 UTC: field is immutable");
    }

    @Test
    void updateMayOmitServerSetFields() {
        ObjectMeta old = meta("cfg", "default");
        old.setUid("uid-1");
        old.setCreationTimestamp("2024-01-02T03:04:05Z");
        ConfigMap stored = configMap(old);
        ConfigMap fromClient = configMap(meta("cfg", "default"));
        assertErrors(validateUpdate(ResourceTypes.CONFIGMAPS, fromClient, stored));
    }

    @Test
    void noNewFinalizersOnceDeleting() {
        ObjectMeta old = meta("cfg", "default");
        old.setDeletionTimestamp("2024-01-02T03:04:05Z");
        old.getFinalizers().add("example.com/a");
        ConfigMap stored = configMap(old);
        ConfigMap updated = copy(stored);
        updated.getMetadata().getFinalizers().add("example.com/b");
        assertErrors(validateUpdate(ResourceTypes.CONFIGMAPS, updated, stored),
                "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"example.com/b\"}");
    }

    @Test
    void namespaceNamesAreDnsLabels() {
        Namespace dotted = new NamespaceBuilder().withNewMetadata().withName("team.a").endMetadata().build();
        Defaults.apply(ResourceTypes.NAMESPACES, dotted);
        assertErrors(validate(ResourceTypes.NAMESPACES, dotted), "metadata.name: Invalid value: \"team.a\": must not contain dots");
        Namespace upper = new NamespaceBuilder().withNewMetadata().withName("Team").endMetadata().build();
        assertErrors(validate(ResourceTypes.NAMESPACES, upper), "metadata.name: Invalid value: \"Team\": " + LABEL_MSG);
    }
}
