package io.skiff.api.patch;

import org.junit.jupiter.api.Test;

import static io.skiff.api.patch.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GoFormatTest {
    @Test
    void printsValuesAsGoPrintsDecodedJson() {
        assertEquals("map[a:1 b:[x 2.5 true <nil>] c:map[d:e]]",
                GoFormat.value(json("{\"c\":{\"d\":\"e\"},\"b\":[\"x\",2.5,true,null],\"a\":1}")));
        assertEquals("80", GoFormat.value(json("80.0")));
        assertEquals("1e+21", GoFormat.value(json("1e21")));
        assertEquals("map[]", GoFormat.value(json("{}")));
    }

    @Test
    void namesGoTypes() {
        assertEquals("map[string]interface {}", GoFormat.typeName(json("{}")));
        assertEquals("[]interface {}", GoFormat.typeName(json("[]")));
        assertEquals("string", GoFormat.typeName(json("\"s\"")));
        assertEquals("int64", GoFormat.typeName(json("3")));
        assertEquals("float64", GoFormat.typeName(json("3.5")));
        assertEquals("bool", GoFormat.typeName(json("false")));
        assertEquals("<nil>", GoFormat.typeName(json("null")));
    }
}
