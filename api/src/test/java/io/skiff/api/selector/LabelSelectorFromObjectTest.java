package io.skiff.api.selector;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.skiff.api.errors.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Deployment's or ReplicaSet's {@code spec.selector}, as fabric8 holds it. */
class LabelSelectorFromObjectTest {
    private static io.fabric8.kubernetes.api.model.LabelSelector selector(Map<String, String> labels,
                                                                          LabelSelectorRequirement... expressions) {
        return new LabelSelectorBuilder().withMatchLabels(labels).withMatchExpressions(expressions).build();
    }

    private static LabelSelectorRequirement expr(String key, String op, String... values) {
        return new LabelSelectorRequirement(key, op, List.of(values));
    }

    private static String error(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        ApiException e = assertThrows(ApiException.class, () -> LabelSelector.from(selector));
        assertEquals(400, e.code());
        return e.getMessage();
    }

    @Test
    void matchLabelsAndExpressionsAreAnded() {
        LabelSelector s = LabelSelector.from(selector(Map.of("app", "web", "pod-template-hash", "781bd432ec"),
                expr("env", "In", "prod", "canary"), expr("debug", "DoesNotExist"), expr("tier", "Exists"),
                expr("zone", "NotIn", "b")));
        assertEquals("app=web,!debug,env in (canary,prod),pod-template-hash=781bd432ec,tier,zone notin (b)", s.toString());
        assertTrue(s.matches(Map.of("app", "web", "pod-template-hash", "781bd432ec", "env", "prod", "tier", "fe")));
        assertFalse(s.matches(Map.of("app", "web", "pod-template-hash", "781bd432ec", "env", "prod")));
        assertFalse(s.matches(Map.of("app", "web", "pod-template-hash", "781bd432ec", "env", "prod", "tier", "fe", "debug", "1")));
    }

    @Test
    void nullSelectsNothingAndEmptySelectsEverything() {
        assertTrue(LabelSelector.from(null).matchesNothing());
        assertFalse(LabelSelector.from(null).matches(Map.of()));
        assertTrue(LabelSelector.from(new io.fabric8.kubernetes.api.model.LabelSelector()).isEmpty());
        assertTrue(LabelSelector.from(selector(Map.of())).matches(Map.of("any", "thing")));
    }

    @Test
    void invalidSelectorsAreBadRequestsInKubernetesWords() {
        assertEquals("\"Equals\" is not a valid label selector operator", error(selector(Map.of(), expr("a", "Equals", "b"))));
        assertEquals("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
                error(selector(Map.of(), expr("a", "In"))));
        assertEquals("values: Invalid value: []string{\"x\"}: values set must be empty for exists and does not exist",
                error(selector(Map.of(), expr("a", "Exists", "x"))));
        assertTrue(error(selector(Map.of("bad key", "v"))).startsWith("key: Invalid value: \"bad key\": name part must consist"));
        assertTrue(error(selector(Map.of("app", "not valid"))).startsWith("values[0][app]: Invalid value: \"not valid\": a valid label"));
    }

    @Test
    void severalProblemsAreListedTogether() {
        assertEquals("[key: Invalid value: \"-a\": " + "name part must consist of alphanumeric characters, '-', '_' or '.', "
                        + "and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
                        + "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), "
                        + "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty]",
                error(selector(Map.of(), expr("-a", "NotIn"))));
    }
}
