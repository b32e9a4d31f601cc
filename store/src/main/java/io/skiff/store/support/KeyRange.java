package io.skiff.store.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key range {@code [start, end)} that a prefix (and an optional continue key) covers.
 * Keys compare as UTF-8 bytes, which is both SQLite's BINARY collation and etcd's key order.
 *
 * @param start first key, inclusive
 * @param end   first key after the prefix, exclusive; null when the prefix is empty (no bound)
 */
public record KeyRange(String start, String end) {

    /** Keys under {@code prefix}, starting at {@code startKey} when that lies further on. */
    public static KeyRange of(String prefix, String startKey) {
        String start = startKey != null && startKey.compareTo(prefix) > 0 ? startKey : prefix;
        return new KeyRange(start, prefixEnd(prefix));
    }

    /** Whether {@code key} lies under {@code prefix}. */
    public static boolean under(String key, String prefix) {
        return key.startsWith(prefix);
    }

    /**
     * The smallest string greater than every string starting with {@code prefix}: the prefix with
     * its last code point incremented (dropping trailing maximal code points), or null if none.
     * Code point order equals UTF-8 byte order, so this is also the byte-wise range end.
     */
    static String prefixEnd(String prefix) {
        int[] cps = prefix.codePoints().toArray();
        for (int i = cps.length - 1; i >= 0; i--) {
            int next = cps[i] + 1;
            if (next == Character.MIN_SURROGATE) {
                next = Character.MAX_SURROGATE + 1;
            }
            if (next <= Character.MAX_CODE_POINT) {
                int[] end = Arrays.copyOf(cps, i + 1);
                end[i] = next;
                return new String(end, 0, end.length);
            }
        }
        return null;
    }

    /** The range end as etcd bytes; an empty prefix maps to etcd's "\0" = every key from start. */
    public byte[] endBytes() {
        return end == null ? new byte[] {0} : end.getBytes(StandardCharsets.UTF_8);
    }
}
