package io.skiff.kubelet.runtime;

/** An image could not be pulled; the pod's container waits with ErrImagePull, then ImagePullBackOff. */
public class ImagePullException extends Exception {
    public ImagePullException(String message, Throwable cause) {
        super(message, cause);
    }
}
