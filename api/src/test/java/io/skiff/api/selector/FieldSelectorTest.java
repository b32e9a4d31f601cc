package io.skiff.api.selector;

import io.skiff.api.errors.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldSelectorTest {
    private static final Map<String, String> POD = Map.of("metadata.name", "nginx", "metadata.namespace", "default",
            "spec.nodeName", "node1", "status.phase", "Running");

    private static String error(String selector) {
        ApiException e = assertThrows(ApiException.class, () -> FieldSelector.parse(selector));
        assertEquals(400, e.code());
        assertEquals("BadRequest", e.reason());
        return e.getMessage();
    }

    @Test
    void parsesEqualityAndInequalityTerms() {
        FieldSelector s = FieldSelector.parse("status.phase!=Failed,spec.nodeName==node1,metadata.name=nginx");
        assertEquals(List.of(new FieldSelector.Term("metadata.name", false, "nginx"),
                new FieldSelector.Term("spec.nodeName", false, "node1"),
                new FieldSelector.Term("status.phase", true, "Failed")), s.terms());
        assertEquals("metadata.name=nginx,spec.nodeName=node1,status.phase!=Failed", s.toString());
        assertTrue(s.matches(POD));
    }

    @Test
    void matchesAsKubectlUsesIt() {
        // kubectl get pod nginx -w; kubectl describe pod: events by involved object.
        assertTrue(FieldSelector.parse("metadata.name=nginx").matches(POD));
        assertFalse(FieldSelector.parse("metadata.name=other").matches(POD));
        assertFalse(FieldSelector.parse("status.phase!=Running").matches(POD));
        Map<String, String> event = Map.of("involvedObject.name", "nginx", "involvedObject.namespace", "default",
                "involvedObject.uid", "2c2a9e62");
        assertTrue(FieldSelector.parse("involvedObject.name=nginx,involvedObject.namespace=default,involvedObject.uid=2c2a9e62")
                .matches(event));
    }

    @Test
    void anAbsentFieldIsTheEmptyString() {
        assertTrue(FieldSelector.parse("spec.schedulerName=").matches(POD));
        assertTrue(FieldSelector.parse("spec.schedulerName!=x").matches(POD));
        assertFalse(FieldSelector.parse("spec.schedulerName=x").matches(POD));
        assertTrue(FieldSelector.parse("spec.nodeName=").matches(null));
    }

    @Test
    void emptySelectsEverything() {
        assertTrue(FieldSelector.parse("").isEmpty());
        assertTrue(FieldSelector.parse(null).matches(POD));
        assertTrue(FieldSelector.parse(",,").isEmpty());
        assertEquals("", FieldSelector.everything().toString());
    }

    @Test
    void valuesMayEscapeSpecialCharacters() {
        FieldSelector s = FieldSelector.parse("metadata.name=a\\,b\\=c\\\\d,status.phase=x");
        assertEquals("a,b=c\\d", s.terms().get(0).value());
        assertEquals("metadata.name=a\\,b\\=c\\\\d,status.phase=x", s.toString());
        assertTrue(s.matches(Map.of("metadata.name", "a,b=c\\d", "status.phase", "x")));
    }

    @Test
    void errorsAreWordedAsKubernetesWordsThem() {
        assertEquals("invalid selector: 'abc'; can't understand 'abc'", error("abc"));
        assertEquals("invalid selector: 'a=b,c'; can't understand 'c'", error("a=b,c"));
        assertEquals("invalid field selector: unescaped character in value: 61", error("a=b=c"));
        assertEquals("invalid field selector: invalid escape sequence: \\x", error("a=b\\x"));
        assertEquals("invalid field selector: invalid escape sequence: \\", error("a=b\\"));
    }

    @Test
    void whitespaceIsPartOfFieldsAndValuesAsInKubernetes() {
        FieldSelector s = FieldSelector.parse("metadata.name = nginx");
        assertEquals(new FieldSelector.Term("metadata.name ", false, " nginx"), s.terms().get(0));
    }

    @Test
    void exactMatchesCanBeAskedFor() {
        FieldSelector s = FieldSelector.parse("spec.nodeName=node1,status.phase!=Failed");
        assertEquals(Optional.of("node1"), s.requiresExactMatch("spec.nodeName"));
        assertEquals(Optional.empty(), s.requiresExactMatch("status.phase"));
        assertEquals(Optional.empty(), s.requiresExactMatch("metadata.name"));
    }

    @Test
    void equalSelectorsAreEqual() {
        assertEquals(FieldSelector.parse("b=1,a==2"), FieldSelector.parse("a=2,b=1"));
    }
}
