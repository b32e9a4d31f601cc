package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantitiesTest {
    @ParameterizedTest
    @CsvSource({"500m,500m", "0.5,500m", "1,1", "1000m,1", "1500m,1500m", "1k,1k", "1000,1k", "100,100",
            "1024Mi,1Gi", "1536Mi,1536Mi", "1.5Gi,1536Mi", "512,512", "2Gi,2Gi", "1e3,1e3", "1E3,1e3", "0,0", "12e-3,12e-3",
            "0.1,100m", "10Mi,10Mi", "-1,-1"})
    void canonicalFormsAreKubernetes(String in, String out) {
        assertEquals(out, Quantities.canonical(new Quantity(in)));
    }

    @Test
    void comparesAcrossFormats() {
        assertTrue(Quantities.compare(new Quantity("600m"), new Quantity("0.5")) > 0);
        assertEquals(0, Quantities.compare(new Quantity("1Gi"), new Quantity("1024Mi")));
        assertTrue(Quantities.compare(new Quantity("1G"), new Quantity("1Gi")) < 0);
    }

    @Test
    void rejectsNonQuantities() {
        assertNull(Quantities.value(new Quantity("abc")));
        assertNull(Quantities.value(new Quantity("1.2.3")));
    }
}
