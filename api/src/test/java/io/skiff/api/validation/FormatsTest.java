package io.skiff.api.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.skiff.api.validation.Fixtures.DNS1035_MSG;
import static io.skiff.api.validation.Fixtures.LABEL_MSG;
import static io.skiff.api.validation.Fixtures.LABEL_VALUE_MSG;
import static io.skiff.api.validation.Fixtures.QUALIFIED_NAME_PART_MSG;
import static io.skiff.api.validation.Fixtures.SUBDOMAIN_MSG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "my-name", "123-abc", "a1", "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0"})
    void validDns1123Labels(String s) {
        assertEquals(List.of(), Formats.dns1123Label(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "A", "a_b", "a b"})
    void invalidDns1123Labels(String s) {
        assertEquals(List.of(LABEL_MSG), Formats.dns1123Label(s));
    }

    @Test
    void labelWithDotsIsReportedAsSuch() {
        assertEquals(List.of("must not contain dots"), Formats.dns1123Label("a.b"));
    }

    @Test
    void labelLongerThan63Characters() {
        assertEquals(List.of("must be no more than 63 characters"), Formats.dns1123Label("a".repeat(64)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "a", "nginx-deployment", "a.b.c", "0"})
    void validSubdomains(String s) {
        assertEquals(List.of(), Formats.dns1123Subdomain(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nginx", "a..b", ".a", "a.", "a_b"})
    void invalidSubdomains(String s) {
        assertEquals(List.of(SUBDOMAIN_MSG), Formats.dns1123Subdomain(s));
    }

    @Test
    void subdomainLongerThan253CharactersGetsBothMessagesWhenAlsoMalformed() {
        assertEquals(List.of("must be no more than 253 characters"), Formats.dns1123Subdomain("a".repeat(254)));
        assertEquals(List.of("must be no more than 253 characters", SUBDOMAIN_MSG), Formats.dns1123Subdomain("A".repeat(254)));
    }

    @Test
    void dns1035LabelsMustStartWithALetter() {
        assertEquals(List.of(), Formats.dns1035Label("my-service"));
        assertEquals(List.of(DNS1035_MSG), Formats.dns1035Label("1service"));
        assertEquals(List.of(DNS1035_MSG), Formats.dns1035Label("my.service"));
    }

    @Test
    void qualifiedNames() {
        assertEquals(List.of(), Formats.qualifiedName("app"));
        assertEquals(List.of(), Formats.qualifiedName("app.kubernetes.io/name"));
        assertEquals(List.of(), Formats.qualifiedName("My_Name.1"));
        assertEquals(List.of(QUALIFIED_NAME_PART_MSG), Formats.qualifiedName("-app"));
        assertEquals(List.of("name part must be non-empty", QUALIFIED_NAME_PART_MSG), Formats.qualifiedName(""));
        assertEquals(List.of("prefix part must be non-empty"), Formats.qualifiedName("/app"));
        assertEquals(List.of("prefix part " + SUBDOMAIN_MSG), Formats.qualifiedName("Example.com/app"));
        assertEquals(List.of("name part must be no more than 63 characters"), Formats.qualifiedName("a".repeat(64)));
        assertEquals(List.of("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
                Formats.qualifiedName("a/b/c"));
    }

    @Test
    void labelValues() {
        assertEquals(List.of(), Formats.labelValue(""));
        assertEquals(List.of(), Formats.labelValue("v1.2_3-x"));
        assertEquals(List.of(LABEL_VALUE_MSG), Formats.labelValue("-x"));
        assertEquals(List.of(LABEL_VALUE_MSG), Formats.labelValue("a b"));
        assertEquals(List.of("must be no more than 63 characters"), Formats.labelValue("a".repeat(64)));
    }

    @Test
    void configMapKeys() {
        String msg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
        assertEquals(List.of(), Formats.configMapKey("game.properties"));
        assertEquals(List.of(msg), Formats.configMapKey("a/b"));
        assertEquals(List.of(msg), Formats.configMapKey(""));
        assertEquals(List.of("must not be '.'"), Formats.configMapKey("."));
        assertEquals(List.of("must not be '..'"), Formats.configMapKey(".."));
        assertEquals(List.of("must not start with '..'"), Formats.configMapKey("..data"));
    }

    @Test
    void environmentVariableNamesFollowTheRelaxedRulesOfKubernetes133() {
        String msg = "a valid environment variable name must consist only of printable ASCII characters other than '='";
        assertEquals(List.of(), Formats.envVarName("MY_VAR"));
        assertEquals(List.of(), Formats.envVarName("1st.var-name with space"));
        assertEquals(List.of(msg), Formats.envVarName("A=B"));
        assertEquals(List.of(msg), Formats.envVarName("caf\u00e9"));
        assertEquals(List.of(msg), Formats.envVarName("tab\there"));
    }

    @Test
    void portNames() {
        assertEquals(List.of(), Formats.portName("http"));
        assertEquals(List.of(), Formats.portName("http-alt2"));
        assertEquals(List.of("must be no more than 15 characters"), Formats.portName("a234567890123456"));
        assertEquals(List.of("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"), Formats.portName("Http"));
        assertEquals(List.of("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)"), Formats.portName("HTTP"));
        assertEquals(List.of("must contain at least one letter (a-z)"), Formats.portName("8080"));
        assertEquals(List.of("must not contain consecutive hyphens"), Formats.portName("a--b"));
        assertEquals(List.of("must not begin or end with a hyphen"), Formats.portName("-ab"));
    }

    @Test
    void portNumbers() {
        assertEquals(List.of(), Formats.portNumber(1));
        assertEquals(List.of(), Formats.portNumber(65535));
        assertEquals(List.of("must be between 1 and 65535, inclusive"), Formats.portNumber(0));
        assertEquals(List.of("must be between 1 and 65535, inclusive"), Formats.portNumber(65536));
    }

    @Test
    void percentages() {
        assertEquals(List.of(), Formats.percent("25%"));
        assertEquals(List.of("a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"),
                Formats.percent("25"));
    }

    @Test
    void generateNamesMayEndWithADash() {
        assertEquals(List.of(), NameValidator.DNS_SUBDOMAIN.check("web-", true));
        assertTrue(!NameValidator.DNS_SUBDOMAIN.check("web-", false).isEmpty());
        assertEquals(List.of(), NameValidator.DNS1035_LABEL.check("svc-", true));
        assertEquals(List.of(), NameValidator.DNS_LABEL.check("ns-", true));
    }
}
