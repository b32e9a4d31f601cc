package io.skiff.api.selector;

/** The operators of a label requirement, with the text Kubernetes prints for each. */
public enum Operator {
    IN(" in "),
    NOT_IN(" notin "),
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    EXISTS(""),
    DOES_NOT_EXIST(""),
    /** {@code key>3}: the label value, read as an integer, is greater. */
    GREATER_THAN(">"),
    LESS_THAN("<");

    private final String text;

    Operator(String text) {
        this.text = text;
    }

    /** What separates key and values in the canonical string form. */
    String text() {
        return text;
    }

    boolean isSetBased() {
        return this == IN || this == NOT_IN;
    }
}
