package io.skiff.scheduler.framework;

/** A scheduling plugin; it implements one or more extension point interfaces. */
public interface Plugin {
    /** The Kubernetes plugin name, e.g. {@code NodeResourcesFit}. */
    String name();
}
