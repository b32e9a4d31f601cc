package io.skiff.api.selector;

import io.skiff.api.errors.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelSelectorMatchTest {
    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "fe", "gpus", "4");

    private static boolean matches(String selector, Map<String, String> labels) {
        return LabelSelector.parse(selector).matches(labels);
    }

    @Test
    void equalityOperators() {
        assertTrue(matches("app=web", WEB));
        assertTrue(matches("app==web", WEB));
        assertFalse(matches("app=db", WEB));
        assertFalse(matches("owner=me", WEB));
        assertTrue(matches("app!=db", WEB));
        assertFalse(matches("app!=web", WEB));
        assertTrue(matches("owner!=me", WEB), "!= matches objects without the label");
        assertTrue(matches("owner=", Map.of("owner", "")));
        assertFalse(matches("owner=", WEB), "= needs the label, even for the empty value");
    }

    @Test
    void setOperators() {
        assertTrue(matches("tier in (fe,be)", WEB));
        assertFalse(matches("tier in (be)", WEB));
        assertFalse(matches("owner in (me)", WEB));
        assertTrue(matches("tier notin (be)", WEB));
        assertFalse(matches("tier notin (fe,be)", WEB));
        assertTrue(matches("owner notin (me)", WEB), "notin matches objects without the label");
    }

    @Test
    void existence() {
        assertTrue(matches("app", WEB));
        assertFalse(matches("owner", WEB));
        assertTrue(matches("!owner", WEB));
        assertFalse(matches("!app", WEB));
    }

    @Test
    void numericComparisons() {
        assertTrue(matches("gpus>3", WEB));
        assertFalse(matches("gpus>4", WEB));
        assertTrue(matches("gpus<5", WEB));
        assertFalse(matches("app>1", WEB), "a value that is not a number never compares");
        assertFalse(matches("owner<9", WEB));
        assertTrue(matches("gpus>0", WEB));
        assertThrows(ApiException.class, () -> LabelSelector.parse("gpus>-1"), "-1 is no valid label value");
    }

    @Test
    void everyRequirementMustHold() {
        assertTrue(matches("app=web,tier in (fe),!owner", WEB));
        assertFalse(matches("app=web,tier in (be)", WEB));
    }

    @Test
    void everythingAndNothing() {
        assertTrue(LabelSelector.everything().matches(WEB));
        assertTrue(LabelSelector.everything().matches(null));
        assertTrue(LabelSelector.everything().isEmpty());
        assertFalse(LabelSelector.nothing().matches(WEB));
        assertFalse(LabelSelector.nothing().isEmpty());
        assertTrue(LabelSelector.nothing().matchesNothing());
        assertEquals("", LabelSelector.nothing().toString());
    }

    @Test
    void noLabelsAreNoLabels() {
        assertFalse(matches("app", null));
        assertTrue(matches("!app", null));
    }

    @Test
    void fromSetIsEqualityOnEveryEntry() {
        LabelSelector s = LabelSelector.fromSet(Map.of("tier", "fe", "app", "web"));
        assertEquals("app=web,tier=fe", s.toString());
        assertTrue(s.matches(WEB));
        assertFalse(s.matches(Map.of("app", "web")));
        assertTrue(LabelSelector.fromSet(Map.of()).isEmpty());
        assertTrue(LabelSelector.fromSet(null).matches(WEB));
    }

    @Test
    void exactMatchesCanBeAskedFor() {
        LabelSelector s = LabelSelector.parse("kubernetes.io/service-name=web,tier in (fe),env in (a,b),!x");
        assertEquals(Optional.of("web"), s.requiresExactMatch("kubernetes.io/service-name"));
        assertEquals(Optional.of("fe"), s.requiresExactMatch("tier"));
        assertEquals(Optional.empty(), s.requiresExactMatch("env"));
        assertEquals(Optional.empty(), s.requiresExactMatch("x"));
        assertEquals(Optional.empty(), s.requiresExactMatch("missing"));
    }

    @Test
    void equalSelectorsAreEqual() {
        assertEquals(LabelSelector.parse("b=1, a in (y,x)"), LabelSelector.parse("a in (x,y),b=1"));
        assertEquals(LabelSelector.parse("b=1, a").hashCode(), LabelSelector.parse("a,b=1").hashCode());
    }
}
