package io.skiff.store;

/**
 * One stored version of a key.
 *
 * @param createRevision revision at which the key was (last) created
 * @param modRevision    revision of the write that produced this version
 */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision) {
}
