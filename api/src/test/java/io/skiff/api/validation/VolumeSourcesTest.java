package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Volume;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VolumeSourcesTest {
    /** A source the validator does not list would be taken for "no volume type" — keep the list complete. */
    @Test
    void everyVolumeSourceOfTheModelIsKnown() {
        Set<String> model = ModelProperties.of(Volume.class).stream().map(ModelProperties.Property::name)
                .filter(n -> !n.equals("name")).collect(Collectors.toSet());
        Set<String> known = Arrays.stream(VolumeValidator.SOURCES).map(s -> s[0]).collect(Collectors.toSet());
        assertEquals(model, known);
    }
}
