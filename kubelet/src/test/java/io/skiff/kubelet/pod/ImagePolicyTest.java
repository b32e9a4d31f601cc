package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import org.junit.jupiter.api.Test;

import static io.skiff.kubelet.pod.ImagePolicy.Decision.MISSING_NEVER_PULL;
import static io.skiff.kubelet.pod.ImagePolicy.Decision.MISSING_NO_REGISTRY;
import static io.skiff.kubelet.pod.ImagePolicy.Decision.PULL;
import static io.skiff.kubelet.pod.ImagePolicy.Decision.USE_LOCAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ImagePolicyTest {
    private static Container c(String image, String policy) {
        return new ContainerBuilder().withName("c").withImage(image).withImagePullPolicy(policy).build();
    }

    @Test
    void imagesOfTheUnreachablePublicRegistryAreNeverPulled() {
        assertEquals(USE_LOCAL, ImagePolicy.decide(c("nginx", "Always"), true));
        assertEquals(MISSING_NO_REGISTRY, ImagePolicy.decide(c("nginx:1.22", "IfNotPresent"), false));
        assertEquals(MISSING_NO_REGISTRY, ImagePolicy.decide(c("library/nginx", null), false));
    }

    @Test
    void imagesOfANamedRegistryFollowThePullPolicy() {
        assertEquals(PULL, ImagePolicy.decide(c("127.0.0.1:30000/app:v1", "Always"), true));
        assertEquals(USE_LOCAL, ImagePolicy.decide(c("127.0.0.1:30000/app:v1", "IfNotPresent"), true));
        assertEquals(PULL, ImagePolicy.decide(c("127.0.0.1:30000/app:v1", "IfNotPresent"), false));
        assertEquals(MISSING_NEVER_PULL, ImagePolicy.decide(c("localhost/app:v1", "Never"), false));
        assertEquals(PULL, ImagePolicy.decide(c("registry.local/app", null), true)); // :latest defaults to Always
        assertEquals(USE_LOCAL, ImagePolicy.decide(c("registry.local/app:v2", null), true));
    }
}
