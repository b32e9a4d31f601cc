package io.skiff.scheduler.queue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.skiff.scheduler.cache.PodInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static io.skiff.scheduler.testing.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SchedulingQueueTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SchedulingQueue queue = new SchedulingQueue(PodInfo::key, now::get, Duration.ofSeconds(1), Duration.ofSeconds(10));

    private static Pod withPriority(String name, int priority) {
        return new PodBuilder(pod(name)).editSpec().withPriority(priority).endSpec().build();
    }

    private String popName() throws InterruptedException {
        QueuedPod q = queue.pop(Duration.ZERO);
        return q == null ? null : q.pod().getMetadata().getName();
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void popsHigherPriorityFirstThenInArrivalOrder() throws Exception {
        queue.add(withPriority("low-1", 0));
        queue.add(withPriority("high", 1000));
        queue.add(withPriority("low-2", 0));
        assertEquals("high", popName());
        assertEquals("low-1", popName());
        assertEquals("low-2", popName());
        assertNull(popName());
    }

    @Test
    void unschedulablePodWaitsForAClusterEventAndItsBackoff() throws Exception {
        queue.add(pod("p"));
        QueuedPod q = queue.pop(Duration.ZERO);
        queue.requeueAfterFailure(q, Set.of("NodeResourcesFit"), false);
        assertEquals(1, queue.unschedulableCount());
        queue.flush();
        assertNull(popName(), "no cluster event yet");
        queue.moveAllToActiveOrBackoff(x -> true);
        assertEquals(1, queue.backoffCount(), "still within its 1 s back-off");
        advance(Duration.ofMillis(1001));
        queue.flush();
        assertEquals("p", popName());
    }

    @Test
    void eventsThatCannotHelpLeaveThePodAlone() throws Exception {
        queue.add(pod("p"));
        queue.requeueAfterFailure(queue.pop(Duration.ZERO), Set.of("NodeResourcesFit"), false);
        queue.moveAllToActiveOrBackoff(x -> x.rejectors().contains("InterPodAffinity"));
        assertEquals(1, queue.unschedulableCount());
    }

    @Test
    void aClusterEventDuringTheAttemptSendsTheFailedPodToBackoff() throws Exception {
        queue.add(pod("p"));
        QueuedPod q = queue.pop(Duration.ZERO);
        queue.moveAllToActiveOrBackoff(x -> true); // e.g. a node was added while we were filtering
        queue.requeueAfterFailure(q, Set.of("NodeResourcesFit"), false);
        assertEquals(0, queue.unschedulableCount());
        assertEquals(1, queue.backoffCount());
    }

    @Test
    void onlySpecOrMetadataChangesRetryAnUnschedulablePod() throws Exception {
        Pod p = pod("p");
        queue.add(p);
        queue.requeueAfterFailure(queue.pop(Duration.ZERO), Set.of("NodeResourcesFit"), false);
        queue.update(p, false); // e.g. our own PodScheduled=False status write
        assertEquals(1, queue.unschedulableCount());
        advance(Duration.ofSeconds(2));
        queue.update(new PodBuilder(p).editSpec().withPriority(5).endSpec().build(), true);
        queue.flush();
        assertEquals("p", popName());
    }

    @Test
    void backoffDoublesPerAttemptUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(1).toNanos(), queue.backoffNanos(1));
        assertEquals(Duration.ofSeconds(2).toNanos(), queue.backoffNanos(2));
        assertEquals(Duration.ofSeconds(8).toNanos(), queue.backoffNanos(4));
        assertEquals(Duration.ofSeconds(10).toNanos(), queue.backoffNanos(5));
        assertEquals(Duration.ofSeconds(10).toNanos(), queue.backoffNanos(40));
    }

    @Test
    void errorsBackOffAndComeBackWhenItExpires() throws Exception {
        queue.add(pod("p"));
        queue.requeueAfterFailure(queue.pop(Duration.ZERO), Set.of(), true);
        queue.flush();
        assertNull(popName());
        advance(Duration.ofSeconds(1));
        queue.flush();
        assertEquals("p", popName());
    }

    @Test
    void podsUnschedulableForFiveMinutesAreRetriedAnyway() throws Exception {
        queue.add(pod("p"));
        queue.requeueAfterFailure(queue.pop(Duration.ZERO), Set.of("NodeResourcesFit"), false);
        advance(Duration.ofMinutes(5));
        queue.flush();
        assertEquals("p", popName());
    }

    @Test
    void deletedOrBoundPodsLeaveTheQueue() throws Exception {
        Pod p = pod("p");
        queue.add(p);
        queue.delete(p);
        assertNull(popName());
        queue.add(p);
        QueuedPod q = queue.pop(Duration.ZERO);
        queue.delete(p); // bound by someone while we tried
        queue.requeueAfterFailure(q, Set.of("NodeResourcesFit"), false);
        assertEquals(0, queue.unschedulableCount());
    }

    @Test
    void addingAPodTwiceKeepsOneEntryWithTheNewestObject() throws Exception {
        Pod p = pod("p");
        queue.add(p);
        queue.add(new PodBuilder(p).editMetadata().addToLabels("v", "2").endMetadata().build());
        QueuedPod q = queue.pop(Duration.ZERO);
        assertEquals("2", q.pod().getMetadata().getLabels().get("v"));
        assertNull(popName());
    }
}
