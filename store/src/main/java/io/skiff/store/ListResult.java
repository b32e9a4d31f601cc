package io.skiff.store;

import java.util.List;

/**
 * A page of a list.
 *
 * @param revision the store revision the page was read at; later pages must be read at it
 * @param more     whether keys remain after the last item
 */
public record ListResult(List<KeyValue> items, long revision, boolean more) {
}
