package io.skiff.api.selector;

import io.skiff.api.errors.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelSelectorParseTest {
    private static final String NAME_RULE = "name part must consist of alphanumeric characters, '-', '_' or '.', and must "
            + "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used "
            + "for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private static String error(String selector) {
        ApiException e = assertThrows(ApiException.class, () -> LabelSelector.parse(selector));
        assertEquals(400, e.code());
        assertEquals("BadRequest", e.reason());
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "app=web                          | app=web",
            "app==web                         | app==web",
            "app!=web                         | app!=web",
            "env in (prod,dev)                | env in (dev,prod)",
            "env notin (prod)                 | env notin (prod)",
            "app                              | app",
            "!app                             | !app",
            "'  tier = fe ,  ! canary , a  '  | a,!canary,tier=fe",
            "b=1,a=2                          | a=2,b=1",
            "x in (foo,,baz),y,z notin ()     | x in (,baz,foo),y,z notin ()",
            "in in (in, notin)                | in in (in,notin)",
            "example.com/role=db,app.kubernetes.io/name=web | app.kubernetes.io/name=web,example.com/role=db",
            "a=                               | a=",
            "a in (x,x,y)                     | a in (x,y)",
            "gpus>1,weight<10                 | gpus>1,weight<10",
            "'\ta\n=\rb'                      | a=b",
    })
    void parsesToTheCanonicalForm(String selector, String canonical) {
        assertEquals(canonical, LabelSelector.parse(selector).toString());
    }

    @Test
    void anEmptySelectorSelectsEverything() {
        assertTrue(LabelSelector.parse("").isEmpty());
        assertTrue(LabelSelector.parse("   ").isEmpty());
        assertTrue(LabelSelector.parse(null).isEmpty());
    }

    @Test
    void keepsOperatorsAndValues() {
        List<Requirement> rs = LabelSelector.parse("tier notin (a,b),app").requirements();
        assertEquals(new Requirement("app", Operator.EXISTS, List.of()), rs.get(0));
        assertEquals(new Requirement("tier", Operator.NOT_IN, List.of("a", "b")), rs.get(1));
    }

    @Test
    void syntaxErrorsAreWordedAsKubernetesWordsThem() {
        assertEquals("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt", error("a b"));
        assertEquals("unable to parse requirement: found '', expected: identifier", error("!"));
        assertEquals("found '!=', expected: !, identifier, or 'end of string'", error("!=a"));
        assertEquals("found '', expected: identifier after ','", error("a=b,"));
        assertEquals("found 'c', expected: ',' or 'end of string'", error("a=b c"));
        assertEquals("found '=', expected: ',' or 'end of string'", error("!a=b"));
        assertEquals("found ',', expected: !, identifier, or 'end of string'", error(",a"));
        assertEquals("unable to parse requirement: found 'b' expected: '('", error("a in b"));
        assertEquals("unable to parse requirement: found 'c', expected: ',' or ')'", error("a in (b c)"));
        assertEquals("unable to parse requirement: found '=', expected: ',', ')' or identifier", error("a in (=)"));
        assertEquals("unable to parse requirement: found '(', expected: identifier", error("a=("));
        assertEquals("unable to parse requirement: found '', expected: ',' or ')'", error("a in (b"));
    }

    @Test
    void keysAreValidatedWithKubernetesMessages() {
        // The message a kubectl user got in a Qwiklabs transcript for "app:monolith".
        assertEquals("unable to parse requirement: <nil>: Invalid value: \"app:monolith\": " + NAME_RULE, error("app:monolith"));
        assertEquals("unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of "
                + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
                + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' "
                + "(e.g. 'example.com/MyName')", error("a/b/c ?=? def"));
        assertEquals("unable to parse requirement: <nil>: Invalid value: \"app.kubernetes_io/name\": prefix part a "
                + "lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and "
                + "must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                error("app.kubernetes_io/name=vault"));
        assertEquals("unable to parse requirement: <nil>: Invalid value: \"/a\": prefix part must be non-empty",
                error("/a"));
        assertEquals("unable to parse requirement: <nil>: Invalid value: \"" + "k".repeat(64)
                + "\": name part must be no more than 63 characters", error("k".repeat(64)));
        assertEquals("unable to parse requirement: <nil>: Invalid value: \"a/\": name part must be non-empty; "
                + NAME_RULE, error("a/"));
    }

    @Test
    void valuesAreValidatedWithKubernetesMessages() {
        String valueRule = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
                + "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
                + "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
        assertEquals("unable to parse requirement: values[0][app]: Invalid value: \"b@c\": " + valueRule, error("app=b@c"));
        assertEquals("unable to parse requirement: values[1][app]: Invalid value: \"x-\": " + valueRule, error("app in (a, x-)"));
        assertEquals("unable to parse requirement: values[0][a]: Invalid value: \"" + "v".repeat(64)
                + "\": must be no more than 63 characters", error("a=" + "v".repeat(64)));
        assertEquals("unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, "
                + "the value must be an integer", error("a>x"));
    }
}
