package io.skiff.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.skiff.store.KeyValue;
import io.skiff.store.RecordingListener;
import io.skiff.store.Store;
import io.skiff.store.StoreException;
import io.skiff.store.Stores;
import io.skiff.store.Watch;
import io.skiff.store.WatchEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A three-member etcd cluster keeps serving the store after one member dies. */
class EtcdClusterIT {
    @TempDir
    Path dir;

    @Test
    void writesAndWatchesContinueWhenAFollowerIsKilled() throws Exception {
        try (EtcdServer cluster = EtcdServer.cluster(3);
             Store store = Stores.open(cluster.url(), dir)) {
            List<Long> written = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                written.add(store.create("/cluster/before/" + i, bytes("v")).modRevision());
            }
            RecordingListener rec = new RecordingListener();
            try (Watch w = store.watch("/cluster/", written.get(0) - 1, rec)) {
                int victim = aFollower(cluster);
                cluster.kill(victim);
                assertFalse(ProcessHandle.of(cluster.pid(victim)).map(ProcessHandle::isAlive).orElse(false));

                for (int i = 0; i < 50; i++) { // no retries: every write must go through the survivors
                    written.add(store.create("/cluster/after/" + i, bytes("v")).modRevision());
                }
                KeyValue last = store.update("/cluster/after/0", bytes("v2"),
                        store.get("/cluster/after/0").orElseThrow().modRevision());
                written.add(last.modRevision());
                assertEquals(50, store.count("/cluster/after/"));

                List<Long> seen = rec.take(written.size(), Duration.ofSeconds(30)).stream()
                        .map(WatchEvent::revision).toList();
                assertEquals(written, seen);
                assertFalse(rec.failed());
            }
        }
    }

    @Test
    void withNoReachableMemberCallsFailWithUnavailableWithinTheTimeout() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        try (Store store = new EtcdStore(List.of("http://127.0.0.1:" + deadPort), Duration.ofSeconds(3))) {
            long start = System.nanoTime();
            assertThrows(StoreException.Unavailable.class, () -> store.create("/cluster/none", bytes("v")));
            assertThrows(StoreException.Unavailable.class, () -> store.get("/cluster/none"));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
        }
    }

    /** A member that is not the leader, so the test is about losing a member, not an election. */
    private static int aFollower(EtcdServer cluster) throws Exception {
        try (Client client = Client.builder().endpoints(cluster.endpoints().toArray(String[]::new)).build()) {
            for (int i = 0; i < cluster.size(); i++) {
                StatusResponse status = client.getMaintenanceClient()
                        .statusMember(cluster.endpoints().get(i)).get(10, TimeUnit.SECONDS);
                if (status.getLeader() != status.getHeader().getMemberId()) {
                    return i;
                }
            }
        }
        throw new AssertionError("no follower found");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
