package io.skiff.kubelet.runtime;

/**
 * What part of a container's log to read, as {@code kubectl logs} asks for it.
 *
 * @param tailLines    last N lines, or -1 for all
 * @param sinceSeconds only lines newer than this many seconds, or 0 for all
 */
public record LogOptions(boolean follow, int tailLines, long sinceSeconds, boolean timestamps) {
}
