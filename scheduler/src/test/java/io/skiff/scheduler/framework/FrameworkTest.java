package io.skiff.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.testing.FakeCluster;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.skiff.scheduler.testing.Fixtures.node;
import static io.skiff.scheduler.testing.Fixtures.nodeInfo;
import static io.skiff.scheduler.testing.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The framework with recording plugins: which extension points run, in what order, with what result. */
class FrameworkTest {
    private final List<String> calls = new ArrayList<>();

    private final class Recording implements PreFilterPlugin, FilterPlugin, ScorePlugin, ReservePlugin {
        private final String name;
        private final Status preFilter;
        private final Status reserve;
        private final long score;

        Recording(String name, Status preFilter, Status reserve, long score) {
            this.name = name;
            this.preFilter = preFilter;
            this.reserve = reserve;
            this.score = score;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Status preFilter(CycleState state, Pod pod, ClusterView cluster) {
            calls.add(name + ".preFilter");
            return preFilter;
        }

        @Override
        public Status filter(CycleState state, Pod pod, NodeInfo node) {
            calls.add(name + ".filter");
            return node.name().equals("bad") ? Status.unschedulable("bad node") : Status.success();
        }

        @Override
        public long score(CycleState state, Pod pod, NodeInfo node) {
            return score;
        }

        @Override
        public int weight() {
            return 2;
        }

        @Override
        public Status reserve(CycleState state, Pod pod, String nodeName) {
            calls.add(name + ".reserve");
            return reserve;
        }

        @Override
        public void unreserve(CycleState state, Pod pod, String nodeName) {
            calls.add(name + ".unreserve");
        }
    }

    private Framework framework(Recording... plugins) {
        return new Framework(List.of(plugins), new BindPlugin() {
            @Override
            public String name() {
                return "binder";
            }

            @Override
            public CompletableFuture<Status> bind(Pod pod, String nodeName) {
                return CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
            }
        });
    }

    @Test
    void skipAtPreFilterSkipsThatPluginsFilterOnly() {
        Framework f = framework(new Recording("a", Status.skip(), Status.success(), 0), new Recording("b", Status.success(), Status.success(), 0));
        CycleState state = new CycleState();
        assertTrue(f.runPreFilter(state, pod("p"), FakeCluster.of()).isSuccess());
        Status s = f.runFilter(state, pod("p"), nodeInfo(node("bad")));
        assertEquals(List.of("a.preFilter", "b.preFilter", "b.filter"), calls);
        assertEquals("b", s.plugin());
        assertEquals("bad node", s.message());
    }

    @Test
    void preFilterRejectionStopsAndNamesThePlugin() {
        Framework f = framework(new Recording("a", Status.unresolvable("no"), Status.success(), 0), new Recording("b", Status.success(), Status.success(), 0));
        Status s = f.runPreFilter(new CycleState(), pod("p"), FakeCluster.of());
        assertEquals(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE, s.code());
        assertEquals("a", s.plugin());
        assertEquals(List.of("a.preFilter"), calls);
    }

    @Test
    void scoresAreWeightedAndSummed() {
        Framework f = framework(new Recording("a", Status.success(), Status.success(), 10), new Recording("b", Status.success(), Status.success(), 5));
        List<NodeInfo> nodes = List.of(nodeInfo(node("n1")), nodeInfo(node("n2")));
        assertArrayEquals(new long[] {30, 30}, f.runScore(new CycleState(), pod("p"), nodes, new FakeCluster(nodes)));
    }

    @Test
    void aFailedReserveUndoesEarlierReservations() {
        Framework f = framework(new Recording("a", Status.success(), Status.success(), 0), new Recording("b", Status.success(), Status.error("full"), 0));
        Status s = f.runReserve(new CycleState(), pod("p"), "n1");
        assertEquals(Status.Code.ERROR, s.code());
        assertEquals(List.of("a.reserve", "b.reserve", "b.unreserve", "a.unreserve"), calls);
    }

    @Test
    void aBindExceptionBecomesAnErrorStatus() {
        Status s = framework().runBind(pod("p"), "n1").join();
        assertEquals(Status.Code.ERROR, s.code());
        assertTrue(s.message().contains("connection refused"), s.message());
    }
}
