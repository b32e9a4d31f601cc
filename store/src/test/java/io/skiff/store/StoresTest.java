package io.skiff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skiff.store.embedded.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {
    @TempDir
    Path dir;

    @Test
    void plainSqliteUsesTheDefaultFileInTheDataDirectory() {
        try (Store store = Stores.open("sqlite", dir)) {
            assertTrue(store instanceof SqliteStore);
            store.create("/k", new byte[0]);
        }
        assertTrue(Files.exists(dir.resolve(Stores.DEFAULT_FILE)));
    }

    @Test
    void sqliteUrlNamesAnAbsoluteFile() {
        Path file = dir.resolve("elsewhere/my.db");
        try (Store store = Stores.open("sqlite://" + file, dir.resolve("unused"))) {
            store.create("/k", new byte[0]);
        }
        assertTrue(Files.exists(file));
        assertTrue(Files.notExists(dir.resolve("unused").resolve(Stores.DEFAULT_FILE)));
    }

    @Test
    void etcdUrlListsEveryEndpoint() {
        assertEquals(List.of("http://127.0.0.1:2379", "http://127.0.0.1:22379"),
                Stores.etcdEndpoints("etcd://127.0.0.1:2379,127.0.0.1:22379"));
        assertEquals(List.of("http://127.0.0.2:2379"), Stores.etcdEndpoints("etcd://127.0.0.2:2379/"));
        assertThrows(IllegalArgumentException.class, () -> Stores.etcdEndpoints("etcd://"));
    }

    @Test
    void unknownSchemesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Stores.open("mysql://x", dir));
    }
}
