package io.skiff.api.selector;

import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random selector strings from the characters that matter: parsing yields a selector
 * or a 400, and a parsed selector's canonical string parses back to the same selector.
 */
class SelectorFuzzTest {
    private static final String[] PIECES = {"a", "b", "app", "in", "notin", "x.io/k", "=", "==", "!=", "!", "(", ")",
        ",", " ", ">", "<", "1", "-", "_", ".", "/", "\\", "\t", "metadata.name", "spec.nodeName", "é"};

    private final Random random = new Random(7);

    private String randomSelector() {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(8); i >= 0; i--) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void labelSelectorsParseOrAreBadRequestsAndRoundTrip() {
        int parsed = 0;
        for (int i = 0; i < 20000; i++) {
            String text = randomSelector();
            try {
                LabelSelector s = LabelSelector.parse(text);
                assertEquals(s, LabelSelector.parse(s.toString()), text);
                s.matches(Map.of("a", "1", "app", "b", "in", ""));
                parsed++;
            } catch (ApiException e) {
                assertEquals(400, e.code(), text + " -> " + e.getMessage());
            }
        }
        assertTrue(parsed > 1000, "parsed " + parsed);
    }

    @Test
    void fieldSelectorsParseOrAreBadRequestsAndRoundTrip() {
        int parsed = 0;
        for (int i = 0; i < 20000; i++) {
            String text = randomSelector();
            try {
                FieldSelector s = FieldSelector.parse(text);
                assertEquals(s, FieldSelector.parse(s.toString()), text);
                SelectableFields.check(ResourceTypes.PODS, s);
                parsed++;
            } catch (ApiException e) {
                assertEquals(400, e.code(), text + " -> " + e.getMessage());
            }
        }
        assertTrue(parsed > 100, "parsed " + parsed);
    }
}
