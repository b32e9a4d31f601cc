package io.skiff.api.proto;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Go's time.Duration text; expected strings are what Go's Duration.String prints. */
class GoDurationTest {
    @ParameterizedTest
    @CsvSource({
            "0, 0s",
            "1, 1ns",
            "1100, 1.1\u00b5s",
            "2200000, 2.2ms",
            "3300000000, 3.3s",
            "245000000000, 4m5s",
            "245001000000, 4m5.001s",
            "18367001000000, 5h6m7.001s",
            "480000000001, 8m0.000000001s",
            "3600000000000, 1h0m0s",
            "-90000000000, -1m30s",
            "-1500, -1.5\u00b5s",
            "9223372036854775807, 2562047h47m16.854775807s",
            "-9223372036854775808, -2562047h47m16.854775808s"})
    void formatsLikeGo(long nanos, String text) {
        assertEquals(text, GoDuration.format(nanos));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "+0, 0",
            "1h30m, 5400000000000",
            "-1.5h, -5400000000000",
            "300ms, 300000000",
            "1.5us, 1500",
            "1.5\u00b5s, 1500",
            "1.5\u03bcs, 1500",
            ".5s, 500000000",
            "1.s, 1000000000",
            "1.0000000009s, 1000000000",
            "2h45m30.5s, 9930500000000",
            "9223372036854775807ns, 9223372036854775807",
            "-9223372036854775808ns, -9223372036854775808"})
    void parsesLikeGo(String text, long nanos) {
        assertEquals(nanos, GoDuration.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1", "s", ".s", "1x", "1..5s", "1h 30m", "9223372036854775808ns", "3000000h"})
    void rejectsWhatGoRejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
    }
}
