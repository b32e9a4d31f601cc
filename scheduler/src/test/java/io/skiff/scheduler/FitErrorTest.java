package io.skiff.scheduler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FitErrorTest {
    @Test
    void oneReasonCountsTheNodes() {
        FitError e = new FitError(3);
        for (int i = 0; i < 3; i++) {
            e.add("NodeResourcesFit", List.of("Insufficient cpu"), 1);
        }
        assertEquals("0/3 nodes are available: 3 Insufficient cpu.", e.message());
    }

    @Test
    void severalReasonsAreSortedAsCountReasonStrings() {
        FitError e = new FitError(3);
        e.add("NodeResourcesFit", List.of("Insufficient memory"), 2);
        e.add("TaintToleration", List.of("node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"), 1);
        assertEquals("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
                + "2 Insufficient memory.", e.message());
    }

    @Test
    void aNodeWithSeveralReasonsCountsInEach() {
        FitError e = new FitError(2);
        e.add("NodeResourcesFit", List.of("Insufficient cpu", "Insufficient memory"), 1);
        e.add("NodeResourcesFit", List.of("Insufficient cpu"), 1);
        assertEquals("0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.", e.message());
    }

    @Test
    void noNodesAtAll() {
        assertEquals("no nodes available to schedule pods", new FitError(0).message());
    }
}
