package io.skiff.api.validation;

/**
 * A field path printed the way Kubernetes prints one: {@code spec.containers[0].name},
 * {@code metadata.annotations[example.com/key]}. Immutable; every step returns a new path.
 */
public final class FieldPath {
    private final FieldPath parent;
    private final String text;

    private FieldPath(FieldPath parent, String text) {
        this.parent = parent;
        this.text = text;
    }

    /** A path starting at {@code name}; {@code ""} names the whole object. */
    public static FieldPath root(String name) {
        return new FieldPath(null, name);
    }

    public FieldPath child(String name, String... more) {
        FieldPath p = new FieldPath(this, text.isEmpty() && parent == null ? name : "." + name);
        for (String m : more) {
            p = p.child(m);
        }
        return p;
    }

    public FieldPath index(int i) {
        return new FieldPath(this, "[" + i + "]");
    }

    /** A map key; Kubernetes prints keys unquoted in brackets. */
    public FieldPath key(String k) {
        return new FieldPath(this, "[" + k + "]");
    }

    @Override
    public String toString() {
        return parent == null ? text : parent + text;
    }
}
