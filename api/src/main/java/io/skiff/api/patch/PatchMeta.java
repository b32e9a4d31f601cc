package io.skiff.api.patch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One node of the schema tree that strategic merge patch consults: for each field of a
 * Kubernetes type, how it merges and which type its value (or list element) has.
 * Fields not described here merge by default: maps merge key by key, lists are replaced.
 */
public final class PatchMeta {
    /** A type with no field that needs more than the default treatment. */
    public static final PatchMeta EMPTY = new PatchMeta(Map.of());

    /** The Kubernetes {@code patchStrategy} of a field, as far as the server applies it. */
    public enum Strategy {
        /** Maps merge key by key; lists are replaced by the patch's list. */
        DEFAULT,
        /** Lists merge: maps by {@link Field#mergeKey()}, primitives as a set. */
        MERGE,
        /** The patch value replaces the field as a whole, maps included. */
        REPLACE
    }

    /**
     * @param mergeKey the element field identifying list elements of a merge list of maps;
     *                 null for primitive lists and for fields that are not merge lists
     * @param schema   the type of the field's value, or of its list elements
     */
    public record Field(Strategy strategy, String mergeKey, PatchMeta schema) {
        static final Field PLAIN = new Field(Strategy.DEFAULT, null, EMPTY);

        public Field {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(schema, "schema");
        }

        public boolean mergesList() {
            return strategy == Strategy.MERGE;
        }
    }

    private final Map<String, Field> fields;

    private PatchMeta(Map<String, Field> fields) {
        this.fields = Map.copyOf(fields);
    }

    /** The treatment of {@code name}; never null. */
    public Field field(String name) {
        return fields.getOrDefault(name, Field.PLAIN);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Describes a type field by field. */
    public static final class Builder {
        private final Map<String, Field> fields = new LinkedHashMap<>();

        private Builder() {
        }

        /** A nested object (or a replaced list) whose own fields need describing. */
        public Builder object(String name, PatchMeta schema) {
            return put(name, new Field(Strategy.DEFAULT, null, schema));
        }

        /** {@code patchStrategy:"merge" patchMergeKey:"<key>"} on a list of maps. */
        public Builder mergeList(String name, String mergeKey) {
            return mergeList(name, mergeKey, EMPTY);
        }

        /** As {@link #mergeList(String, String)}, with elements of type {@code element}. */
        public Builder mergeList(String name, String mergeKey, PatchMeta element) {
            Objects.requireNonNull(mergeKey, "mergeKey");
            return put(name, new Field(Strategy.MERGE, mergeKey, element));
        }

        /** {@code patchStrategy:"merge"} on a list of strings: merged as a set. */
        public Builder primitiveMergeList(String name) {
            return put(name, new Field(Strategy.MERGE, null, EMPTY));
        }

        /** {@code patchStrategy:"replace"}: even a map is replaced as a whole. */
        public Builder replace(String name) {
            return put(name, new Field(Strategy.REPLACE, null, EMPTY));
        }

        private Builder put(String name, Field field) {
            if (fields.putIfAbsent(name, field) != null) {
                throw new IllegalStateException("field described twice: " + name);
            }
            return this;
        }

        public PatchMeta build() {
            return new PatchMeta(fields);
        }
    }
}
