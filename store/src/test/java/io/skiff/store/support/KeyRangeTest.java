package io.skiff.store.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyRangeTest {
    @Test
    void prefixEndIncrementsTheLastCharacter() {
        assertEquals("/a0", KeyRange.prefixEnd("/a/"));
        assertEquals("/ab", KeyRange.prefixEnd("/aa"));
        assertNull(KeyRange.prefixEnd(""));
    }

    @Test
    void prefixEndSkipsSurrogatesAndCarriesPastTheLastCodePoint() {
        assertEquals("a\uE000", KeyRange.prefixEnd("a\uD7FF"));
        assertEquals("b", KeyRange.prefixEnd("a" + new String(Character.toChars(Character.MAX_CODE_POINT))));
        assertNull(KeyRange.prefixEnd(new String(Character.toChars(Character.MAX_CODE_POINT))));
    }

    @Test
    void theEndIsAboveEveryKeyUnderThePrefixInByteOrder() {
        String prefix = "/r/\u00e9";
        byte[] end = KeyRange.of(prefix, null).endBytes();
        for (String key : new String[] {prefix, prefix + "\uFFFF", prefix + new String(Character.toChars(0x1F600))}) {
            assertTrue(Arrays.compareUnsigned(key.getBytes(StandardCharsets.UTF_8), end) < 0, key);
        }
        assertTrue(Arrays.compareUnsigned("/r/\u00ea".getBytes(StandardCharsets.UTF_8), end) >= 0);
    }

    @Test
    void startKeyOnlyMovesTheStartForward() {
        assertEquals("/a/x", KeyRange.of("/a/", "/a/x").start());
        assertEquals("/a/", KeyRange.of("/a/", "/").start());
        assertEquals("/a/", KeyRange.of("/a/", null).start());
        assertArrayEquals(new byte[] {0}, KeyRange.of("", null).endBytes());
    }
}
