package io.skiff.kubelet.runtime;

/** The pod a sandbox or container belongs to, as recorded in its runtime labels. */
public record PodRef(String node, String uid, String name, String namespace) {
    public String fullName() {
        return namespace + "/" + name;
    }
}
