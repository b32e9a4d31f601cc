package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;

/**
 * Decides whether to pull a container's image. imagePullPolicy is honoured for images that
 * name a registry host (e.g. {@code 127.0.0.1:30000/app:v1}); images of the default public
 * registry ({@code nginx}, {@code busybox:1.35}) are never pulled, because no public registry
 * is reachable from these machines: they must be present (built by {@code skiff images build}
 * or loaded by {@code skiff images load}), whatever the policy says.
 */
public final class ImagePolicy {
    public enum Decision { PULL, USE_LOCAL, MISSING_NEVER_PULL, MISSING_NO_REGISTRY }

    private ImagePolicy() {
    }

    public static Decision decide(Container c, boolean present) {
        String policy = c.getImagePullPolicy() != null ? c.getImagePullPolicy() : defaultPolicy(c.getImage());
        if (!namesRegistry(c.getImage())) {
            return present ? Decision.USE_LOCAL : Decision.MISSING_NO_REGISTRY;
        }
        return switch (policy) {
            case "Always" -> Decision.PULL;
            case "Never" -> present ? Decision.USE_LOCAL : Decision.MISSING_NEVER_PULL;
            default -> present ? Decision.USE_LOCAL : Decision.PULL;
        };
    }

    static String defaultPolicy(String image) {
        if (image.contains("@")) {
            return "IfNotPresent";
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon <= slash || image.substring(colon + 1).equals("latest") ? "Always" : "IfNotPresent";
    }

    /** A first path component with a dot, a colon or "localhost" is a registry host, as Docker reads names. */
    static boolean namesRegistry(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }
}
