package io.skiff.store;

/**
 * One change seen by a watch.
 *
 * @param kv     the new version (for DELETE: the deleted value, modRevision = revision of the delete)
 * @param prevKv the version before the change, or null for a create
 */
public record WatchEvent(Type type, KeyValue kv, KeyValue prevKv) {
    public enum Type { PUT, DELETE }

    public long revision() {
        return kv.modRevision();
    }
}
