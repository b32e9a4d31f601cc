package io.skiff.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WatcherTest {

    private static ObjectNode pod(String name, String app) {
        ObjectNode o = Json.object();
        o.putObject("metadata").put("name", name).putObject("labels").put("app", app);
        return o;
    }

    private static Watcher watcher(long from, int capacity) {
        return new Watcher(o -> "web".equals(o.path("metadata").path("labels").path("app").asText()), capacity, from, () -> { });
    }

    @Test
    void dropsChangesAtOrBeforeItsStartingRevision() throws Exception {
        Watcher w = watcher(10, 10);
        w.offer(new ObjectEvent(ObjectEvent.Type.ADDED, pod("a", "web"), null, 10));
        w.offer(new ObjectEvent(ObjectEvent.Type.ADDED, pod("b", "web"), null, 11));
        assertEquals("b", w.next(100).object().path("metadata").path("name").asText());
        assertNull(w.next(10));
        assertEquals(11, w.progressRevision());
    }

    @Test
    void selectorTransitionsBecomeAddedAndDeleted() throws Exception {
        Watcher w = watcher(0, 10);
        w.offer(new ObjectEvent(ObjectEvent.Type.ADDED, pod("a", "db"), null, 1));
        w.offer(new ObjectEvent(ObjectEvent.Type.MODIFIED, pod("a", "web"), pod("a", "db"), 2));
        w.offer(new ObjectEvent(ObjectEvent.Type.MODIFIED, pod("a", "web"), pod("a", "web"), 3));
        w.offer(new ObjectEvent(ObjectEvent.Type.MODIFIED, pod("a", "db"), pod("a", "web"), 4));
        assertEquals(ObjectEvent.Type.ADDED, w.next(100).type());
        assertEquals(ObjectEvent.Type.MODIFIED, w.next(100).type());
        assertEquals(ObjectEvent.Type.DELETED, w.next(100).type());
        assertNull(w.next(10));
    }

    @Test
    void aWatcherThatFallsBehindIsEnded() throws Exception {
        Watcher w = watcher(0, 2);
        for (int i = 1; i <= 3; i++) {
            w.offer(new ObjectEvent(ObjectEvent.Type.ADDED, pod("p" + i, "web"), null, i));
        }
        w.next(10);
        w.next(10);
        assertThrows(Watcher.Ended.class, () -> w.next(10));
    }
}
