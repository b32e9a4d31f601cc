package io.skiff.api.proto;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema tables agree with the descriptors they describe. */
class KindRegistryTest {
    private final KindRegistry kinds = KindRegistry.standard();
    private final ProtobufCodec codec = new ProtobufCodec();

    @Test
    void everyServedKindItsListAndDeleteOptionsHaveAMessage() {
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            assertTrue(codec.supports(type.apiVersion(), type.kind()), type::apiVersion);
            assertTrue(codec.supports(type.apiVersion(), type.listKind()), type::listKind);
            assertTrue(codec.supports(type.apiVersion(), "DeleteOptions"), type::apiVersion);
        }
        assertTrue(codec.supports("meta.k8s.io/v1", "DeleteOptions"));
        assertTrue(codec.supports("v1", "Status"));
        assertTrue(codec.supports("policy/v1", "PodDisruptionBudget"));
        assertTrue(codec.supports("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"));
    }

    @Test
    void messagesThatCarryMetadataButAreNotKindsAreLeftOut() {
        assertFalse(codec.supports("v1", "PodTemplateSpec"));
        assertFalse(codec.supports("batch/v1", "JobTemplateSpec"));
        assertFalse(codec.supports("v1", "PersistentVolumeClaimTemplate"));
        assertTrue(codec.supports("v1", "PodTemplate"));
    }

    @Test
    void eachKindMapsToTheMessageOfThatName() {
        kinds.kindsByVersion().forEach((apiVersion, byKind) -> byKind.forEach((kind, message) ->
                assertEquals(kind, message.getName(), apiVersion + " " + kind)));
        assertEquals("k8s.io.api.coordination.v1.Lease", kinds.find("coordination.k8s.io/v1", "Lease").getFullName());
        assertEquals("k8s.io.api.events.v1.Event", kinds.find("events.k8s.io/v1", "Event").getFullName());
        assertEquals("k8s.io.api.core.v1.Event", kinds.find("v1", "Event").getFullName());
    }

    @Test
    void everyPointerEntryNamesASingularScalarField() {
        List<String> wrong = new ArrayList<>();
        for (String entry : GoShape.pointerFields()) {
            FieldDescriptor field = field(entry);
            if (field == null || field.isRepeated() || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                wrong.add(entry);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyInlineEntryNamesAMessageField() {
        for (String entry : GoShape.inlineFields()) {
            FieldDescriptor field = field(entry);
            assertNotNull(field, entry);
            assertEquals(FieldDescriptor.JavaType.MESSAGE, field.getJavaType(), entry);
        }
    }

    @Test
    void everyValueTypeNamesARealMessage() {
        for (String name : ValueTypes.names()) {
            assertNotNull(kinds.message(name), name);
        }
        for (String name : List.of(EmbeddedTypes.RAW_EXTENSION, EmbeddedTypes.UNKNOWN, EmbeddedTypes.FIELDS_V1)) {
            assertNotNull(kinds.message(name), name);
        }
    }

    private FieldDescriptor field(String fullName) {
        int dot = fullName.lastIndexOf('.');
        Descriptor message = kinds.message(fullName.substring(0, dot));
        return message == null ? null : message.findFieldByName(fullName.substring(dot + 1));
    }
}
