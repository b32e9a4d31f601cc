package io.skiff.kubectl.print;

import io.skiff.api.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoYamlTest {
    @Test
    void quotesLikeGoYaml() {
        String json = "{\"b\":[{\"x\":\"80\",\"y\":\"true\",\"z\":\"2026-01-01T00:00:00Z\"}],\"a\":{\"s\":\"*\",\"t\":\"plain text\",\"e\":\"\",\"m\":\"one\\ntwo\\n\",\"n\":{},\"l\":[]}}";
        assertEquals("""
                a:
                  e: ""
                  l: []
                  m: |
                    one
                    two
                  "n": {}
                  s: '*'
                  t: plain text
                b:
                - x: "80"
                  "y": "true"
                  z: "2026-01-01T00:00:00Z"
                """, GoYaml.write(Json.parse(json.getBytes(StandardCharsets.UTF_8))));
    }
}
