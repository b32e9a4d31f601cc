package io.skiff.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.concurrent.CompletableFuture;

/** Writes the decision to the API server; runs off the scheduling thread. */
public interface BindPlugin extends Plugin {
    CompletableFuture<Status> bind(Pod pod, String nodeName);
}
