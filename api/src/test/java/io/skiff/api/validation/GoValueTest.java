package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoValueTest {
    @Test
    void rendersScalarsLikeGo() {
        assertEquals("\"a\\\"b\\\\c\"", GoValue.render("a\"b\\c"));
        assertEquals("\"line\\nbreak\\ttab\\x01\"", GoValue.render("line\nbreak\ttab\u0001"));
        assertEquals("\"caf\u00e9\"", GoValue.render("caf\u00e9"));
        assertEquals("80", GoValue.render(80));
        assertEquals("true", GoValue.render(true));
        assertEquals("null", GoValue.render(null));
    }

    @Test
    void rendersMapsWithSortedKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tier", "web");
        m.put("app", "nginx");
        assertEquals("map[string]string{\"app\":\"nginx\", \"tier\":\"web\"}", GoValue.stringMap(m).text());
        assertEquals("map[string]string(nil)", GoValue.stringMap(Map.of()).text());
    }

    @Test
    void rendersSlices() {
        assertEquals("[]string{\"a\", \"b\"}", GoValue.stringSlice(List.of("a", "b")).text());
        assertEquals("[]string(nil)", GoValue.stringSlice(List.of()).text());
    }

    @Test
    void rendersLabelSelectorsAsKubernetesPrintsThemForImmutableSelectors() {
        assertEquals("v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"nginx\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}",
                GoValue.labelSelector(new LabelSelectorBuilder().addToMatchLabels("app", "nginx").build()).text());
        assertEquals("v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"tier\", Operator:\"In\", Values:[]string{\"web\"}}}}",
                GoValue.labelSelector(new LabelSelectorBuilder().addNewMatchExpression().withKey("tier").withOperator("In")
                        .withValues("web").endMatchExpression().build()).text());
    }

    @Test
    void rendersTimesLikeGoTimeString() {
        assertEquals("2024-03-01 10:20:30 +0000 UTC", GoValue.time("2024-03-01T10:20:30Z").text());
        assertEquals("2024-03-01 10:20:30.5 +0000 UTC", GoValue.time("2024-03-01T10:20:30.500000Z").text());
        assertEquals("0001-01-01 00:00:00 +0000 UTC", GoValue.time(null).text());
    }

    @Test
    void fieldPathsPrintLikeKubernetes() {
        FieldPath p = FieldPath.root("spec").child("containers").index(0).child("ports").index(1).child("name");
        assertEquals("spec.containers[0].ports[1].name", p.toString());
        assertEquals("metadata.annotations[example.com/x]", FieldPath.root("metadata").child("annotations").key("example.com/x").toString());
        assertEquals("spec.template.metadata.labels", FieldPath.root("spec").child("template", "metadata", "labels").toString());
        assertEquals("", FieldPath.root("").toString());
    }
}
