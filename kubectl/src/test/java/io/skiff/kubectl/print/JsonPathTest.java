package io.skiff.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonPathTest {
    private static final JsonNode LIST = Json.parse("""
            {"kind":"List","items":[
              {"metadata":{"name":"a","labels":{"app":"web","k8s.io/x":"y"}},"spec":{"containers":[{"name":"c1","image":"i1"},{"name":"c2","image":"i2"}]},
               "status":{"conditions":[{"type":"Ready","status":"True"}],"restarts":3}},
              {"metadata":{"name":"b"},"spec":{"containers":[{"name":"d","image":"j"}]},"status":{"conditions":[{"type":"Ready","status":"False"}]}}]}
            """.getBytes(StandardCharsets.UTF_8));

    private static String run(String template) {
        return JsonPath.parse(template).execute(LIST);
    }

    @Test
    void fieldsWildcardsAndIndexes() {
        assertEquals("a b", run("{.items[*].metadata.name}"));
        assertEquals("i2", run("{.items[0].spec.containers[1].image}"));
        assertEquals("j", run("{.items[-1].spec.containers[0].image}"));
        assertEquals("c1 c2 d", run("{.items[*].spec.containers[*].name}"));
        assertEquals("a", run("{.items[0:1].metadata.name}"));
        assertEquals("y", run("{.items[0].metadata.labels['k8s.io/x']}"));
        assertEquals("", run("{.items[0].metadata.missing}"));
        assertEquals("3", run("{.items[0].status.restarts}"));
    }

    @Test
    void mapsAndListsPrintAsSortedJson() {
        assertEquals("{\"app\":\"web\",\"k8s.io/x\":\"y\"}", run("{.items[0].metadata.labels}"));
    }

    @Test
    void rangeLiteralsFiltersAndRecursiveDescent() {
        assertEquals("a:i1,i2;b:j;", run("{range .items[*]}{.metadata.name}:{range .spec.containers[*]}{.image},{end};{end}")
                .replace(",;", ";"));
        assertEquals("a\nb\n", run("{range .items[*]}{.metadata.name}{\"\\n\"}{end}"));
        assertEquals("a", run("{.items[?(@.status.conditions[0].status==\"True\")].metadata.name}"));
        assertEquals("c1 c2 d", run("{..containers[*].name}"));
    }

    @Test
    void unbalancedTemplatesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("{.items"));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("{end}"));
    }

    @Test
    void goTemplatesRangeOverItems() {
        assertEquals("a web\nb <no value>\n", GoTemplate.parse("{{range .items}}{{.metadata.name}} {{.metadata.labels.app}}{{\"\\n\"}}{{end}}").execute(LIST));
        assertEquals("2", GoTemplate.parse("{{len .items}}").execute(LIST));
        assertEquals("y", GoTemplate.parse("{{index (.items) 0 | printf \"%v\"}}".replace("{{index (.items) 0 | printf \"%v\"}}", "{{with index .items 0}}{{index .metadata.labels \"k8s.io/x\"}}{{end}}")).execute(LIST));
    }
}
