package io.skiff.kubelet.runtime.docker;

/** An image reference split as the pull API wants it: repository (with registry host) and tag. */
record ImageName(String repository, String tag) {
    static ImageName parse(String image) {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (colon > slash) {
            return new ImageName(ref.substring(0, colon), ref.substring(colon + 1));
        }
        return new ImageName(ref, "latest");
    }
}
