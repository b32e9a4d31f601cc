package io.skiff.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Session;

/** Text of {@code kubectl describe} for one kind. */
public interface Describer {
    String describe(Session s, JsonNode obj);

    /** The describer of a kind; kinds without their own get the generic one. */
    static Describer of(String kind) {
        return switch (kind) {
            case "Pod" -> new PodDescriber();
            case "Service" -> new ServiceDescriber();
            case "Deployment" -> new DeploymentDescriber();
            case "Namespace" -> new NamespaceDescriber();
            default -> new GenericDescriber();
        };
    }
}
