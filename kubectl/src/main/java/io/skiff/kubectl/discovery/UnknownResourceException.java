package io.skiff.kubectl.discovery;

/** kubectl's "the server doesn't have a resource type" error. */
public class UnknownResourceException extends RuntimeException {
    public UnknownResourceException(String name) {
        super("the server doesn't have a resource type \"" + name + "\"");
    }

    public UnknownResourceException(String kind, String apiVersion) {
        super("resource mapping not found for kind \"" + kind + "\" in version \"" + apiVersion
                + "\"\nensure CRDs are installed first");
    }
}
