package io.skiff.kubelet.images;

/** The sandbox image every pod's network namespace lives in; built by {@code skiff images build pause}. */
public final class PauseImage {
    public static final String NAME = "skiff/pause:3.10";

    private PauseImage() {
    }
}
